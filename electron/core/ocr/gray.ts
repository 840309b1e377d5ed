/** An 8-bit single-channel image, row after row. */
export interface Gray {
  data: Uint8Array
  width: number
  height: number
}

/** The image turned a quarter to the right (as sharp's rotate(90)), so vertical lines become rows. */
export function turnRight(image: Gray): Gray {
  const { data, width, height } = image
  const out = new Uint8Array(data.length)
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) out[x * height + (height - 1 - y)] = data[y * width + x] ?? 0
  return { data: out, width: height, height: width }
}
