import { crc32 } from 'node:zlib'
import sharp from 'sharp'

/**
 * Real images of an exact size, as a phone or a scanner hands them over: a PNG screenshot-like scan
 * and a phone photo (EXIF orientation, Display P3 colour profile), made a little smaller than asked
 * and padded to the byte with what such files carry anyway (a private PNG chunk, JPEG comments).
 */
export async function pngOfSize(size: number): Promise<Buffer> {
  const pixels = Math.floor(size / 2.8)
  const width = Math.round(Math.sqrt(pixels * 1.22))
  const png = await noise(width, Math.floor(pixels / width))
    .png({ compressionLevel: 9 })
    .toBuffer()
  return padPng(png, size)
}

export async function phonePhotoOfSize(size: number): Promise<Buffer> {
  const pixels = Math.floor(size / 0.68)
  const width = Math.round(Math.sqrt(pixels * 1.33))
  const jpeg = await noise(width, Math.floor(pixels / width))
    .withMetadata({ orientation: 6 })
    .withIccProfile('p3')
    .jpeg({ quality: 90 })
    .toBuffer()
  return padJpeg(jpeg, size)
}

function noise(width: number, height: number): sharp.Sharp {
  return sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 40 },
    },
  })
}

/** A private, ancillary chunk (`paDd`) before IEND, which decoders skip. */
function padPng(png: Buffer, size: number): Buffer {
  const data = Buffer.alloc(size - png.length - 12)
  if (data.length < 0) throw new Error(`The PNG came out at ${png.length} B, over ${size}`)
  const type = Buffer.from('paDd')
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  type.copy(chunk, 4)
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(Buffer.concat([type, data])), 8 + data.length)
  const iend = png.length - 12
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)])
}

/** COM segments right after SOI (each at most 65,535 bytes with its length field). */
function padJpeg(jpeg: Buffer, size: number): Buffer {
  let missing = size - jpeg.length
  if (missing < 4) throw new Error(`The JPEG came out at ${jpeg.length} B, too close to ${size}`)
  const segments: Buffer[] = []
  while (missing > 0) {
    // A segment is 4 bytes of marker and length at least; never leave 1 to 3 bytes for the last one.
    let total = Math.min(missing, 65_537)
    if (missing - total > 0 && missing - total < 4) total -= 4
    const segment = Buffer.alloc(total, 0x20)
    segment.writeUInt16BE(0xfffe, 0)
    segment.writeUInt16BE(total - 2, 2)
    segments.push(segment)
    missing -= total
  }
  return Buffer.concat([jpeg.subarray(0, 2), ...segments, jpeg.subarray(2)])
}
