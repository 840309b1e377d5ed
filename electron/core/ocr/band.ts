import sharp from 'sharp'
import type { BarPair } from './bars'
import type { Gray } from './gray'

/** Characters are drawn this many pixels apart in the strip handed to OCR: about 30 px tall capitals. */
const PITCH = 22
/** A second look, when the first reading fails a check digit: OCR errs differently at another size. */
export const SECOND_PITCH = 28

/** Where a pair of bars found on the work image lies on the full-size image, upright by `quarter`. */
export interface Band {
  /** Quarter turns to the right that make the lines horizontal. */
  quarter: 0 | 1
  /** Pixels between characters, on the image the band is measured on. */
  pitch: number
  cx: number
  cy: number
  length: number
  /** Height of the band: both lines and a margin. */
  height: number
  /** Radians the lines slope down to the right. */
  angle: number
}

/** The band a pair of bars covers on an image `scale` times the size of the one they were found on. */
export function bandOf(pair: BarPair, quarter: 0 | 1, scale: number): Band {
  const { first, second } = pair
  const thickness = (first.thickness + second.thickness) / 2
  const angle = (first.angle + second.angle) / 2
  const across = Math.hypot(second.cx - first.cx, second.cy - first.cy)
  return {
    quarter,
    pitch: (Math.max(first.length, second.length) / 43.5) * scale,
    cx: ((first.cx + second.cx) / 2) * scale,
    cy: ((first.cy + second.cy) / 2) * scale,
    length: (Math.max(first.length, second.length) * 1.06 + 2 * thickness) * scale,
    height: (across + 2.2 * thickness) * scale,
    angle,
  }
}

/**
 * The band cut out of the scan, levelled (and turned half a turn when `flip`), grey, contrast
 * scaled so characters are about the size OCR reads best. Each pixel of the strip is sampled
 * (bilinear) from where it lies on the tilted band.
 */
export function bandStrip(
  source: Gray,
  band: Band,
  flip: boolean,
  pitch = PITCH,
): { strip: Gray; upsideDown: boolean } {
  const zoom = pitch / band.pitch
  const width = Math.round(band.length * zoom)
  const height = Math.round(band.height * zoom)
  const angle = band.angle + (flip ? Math.PI : 0)
  const [cos, sin] = [Math.cos(angle) / zoom, Math.sin(angle) / zoom]
  const strip = Buffer.alloc(width * height)
  const { data, width: w, height: h } = source
  const at = (x: number, y: number) => (x < 0 || y < 0 || x >= w || y >= h ? 255 : (data[y * w + x] ?? 255))
  for (let v = 0; v < height; v++) {
    const dv = v - height / 2
    for (let u = 0; u < width; u++) {
      const du = u - width / 2
      const x = band.cx + du * cos - dv * sin
      const y = band.cy + du * sin + dv * cos
      const x0 = Math.floor(x)
      const y0 = Math.floor(y)
      const fx = x - x0
      const fy = y - y0
      const top = at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx
      const bottom = at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx
      strip[v * width + u] = top * (1 - fy) + bottom * fy
    }
  }
  const gray = { data: strip, width, height }
  return { strip: gray, upsideDown: fillerOnTheLeft(gray) }
}

/** The strip contrast stretched, as a PNG for the OCR engine. */
export function stripPng({ data, width, height }: Gray): Promise<Buffer> {
  return sharp(data, { raw: { width, height, channels: 1 } })
    .normalise()
    .png()
    .toBuffer()
}

/**
 * Whether the strip is more likely upside down: line 1 ends in `<` fillers (lighter than letters) and
 * line 2's fillers sit before its last digits, so upright the top line is lighter on its right.
 * Only the order in which both ways are tried depends on it.
 */
function fillerOnTheLeft(strip: Gray): boolean {
  const { data, width, height } = strip
  let left = 0
  let right = 0
  for (let y = 0; y < height / 2; y++)
    for (let x = 0; x < width / 3; x++) {
      left += 255 - (data[y * width + x] ?? 255)
      right += 255 - (data[y * width + width - 1 - x] ?? 255)
    }
  return left < right
}
