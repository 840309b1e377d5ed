import { availableParallelism } from 'node:os'
import sharp from 'sharp'
import { JPEG_QUALITY, MAX_DOCUMENT_BYTES, MAX_IMAGE_EDGE, MAX_INPUT_PIXELS } from './limits'
import { refuse } from './refusals'

// sharp runs one thread by default on glibc (to spare its allocator); a photo is decoded, rotated and
// resized far sooner on every core this machine has.
sharp.concurrency(availableParallelism())

export interface NormalizedImage {
  bytes: Buffer
  mediaType: 'image/jpeg' | 'image/png'
  width: number
  height: number
}

/**
 * Re-encodes an image so what leaves the desk is upright, no larger than needed, and free of
 * metadata (sharp writes none unless asked, so camera EXIF with GPS position and serial numbers is
 * dropped) but its colour profile. The profile (Display P3 on most phones) describes the camera's
 * colours, not the person: kept as it came, the pixels need no full-frame colour conversion, which
 * cost more than the rest of the take-in. Only an RGB image keeps its own: a CMYK or grey one is
 * converted to sRGB, as the profile would not fit the converted pixels. PNG stays PNG, lossless for text-heavy scans, unless it comes out over the size limit,
 * which means a photo saved as PNG: that one becomes a JPEG. JPEG and TIFF become JPEG.
 */
export async function normalizeImage(bytes: Buffer, kind: 'jpg' | 'png' | 'tif'): Promise<NormalizedImage> {
  const { space } = await checkedHeader(bytes)
  const keep = { keepProfile: space === 'srgb', edge: MAX_IMAGE_EDGE }
  if (kind === 'png') {
    const png = await renderImage(bytes, keep, (image) => image.png({ compressionLevel: 9 }))
    if (png.bytes.length <= MAX_DOCUMENT_BYTES) return { ...png, mediaType: 'image/png' }
  }
  const jpeg = await renderImage(bytes, keep, (image) =>
    image.flatten({ background: '#ffffff' }).jpeg({ quality: JPEG_QUALITY }),
  )
  return { ...jpeg, mediaType: 'image/jpeg' }
}

/**
 * The header, refused before any pixel is decoded when it declares more than the pixel limit (a
 * decompression bomb) or several pages.
 */
export async function checkedHeader(bytes: Buffer): Promise<{ space?: string | undefined }> {
  const { width, height, pages, space } = await header(bytes)
  if (width * height > MAX_INPUT_PIXELS) throw refuse('image_too_large', `${width} × ${height} pixels`)
  if ((pages ?? 1) > 1) throw refuse('unsupported_type', `an image with ${pages} pages`)
  return { space }
}

/** Dimensions from the header alone, before any pixel is decoded. */
async function header(
  bytes: Buffer,
): Promise<{ width: number; height: number; pages?: number | undefined; space?: string | undefined }> {
  try {
    const metadata = await sharp(bytes, { limitInputPixels: false }).metadata()
    if (!metadata.width || !metadata.height) throw new Error('no dimensions')
    return { width: metadata.width, height: metadata.height, pages: metadata.pages, space: metadata.space }
  } catch {
    throw refuse('truncated', 'the image header cannot be read')
  }
}

/**
 * Decodes (within the pixel limit), turns upright (unless `orient` is false: a picture inside a PDF
 * is drawn as stored, whatever its EXIF says), shrinks to fit `edge` × `edge` and encodes; the output
 * holds no metadata, and no colour profile unless `keepProfile` (else its pixels are sRGB).
 */
export async function renderImage(
  bytes: Buffer,
  { keepProfile, edge, orient = true }: { keepProfile: boolean; edge: number; orient?: boolean },
  encode: (image: sharp.Sharp) => sharp.Sharp,
): Promise<Omit<NormalizedImage, 'mediaType'>> {
  // failOn 'error' refuses truncated and corrupt pixel data but tolerates the harmless warnings that
  // some scanners' JPEG encoders trigger. The pixel limit backs up the header check above.
  const decoded = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
  const kept = keepProfile ? decoded.keepIccProfile() : decoded
  const image = (orient ? kept.rotate() : kept).resize({
    width: edge,
    height: edge,
    fit: 'inside',
    withoutEnlargement: true,
  })
  try {
    const { data, info } = await encode(image).toBuffer({ resolveWithObject: true })
    return { bytes: data, width: info.width, height: info.height }
  } catch {
    throw refuse('truncated', 'the image data cannot be decoded to the end')
  }
}
