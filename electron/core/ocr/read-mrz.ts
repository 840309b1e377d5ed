import sharp from 'sharp'
import { combineLine1, combineLine2 } from '../../../src/domain/mrz/combine'
import { heldCheckDigits, parseTd3, type MrzReading } from '../../../src/domain/mrz/parse'
import { MAX_INPUT_PIXELS, MAX_PDF_PAGES } from '../documents/limits'
import { bandOf, bandStrip, SECOND_PITCH, stripPng, type Band } from './band'
import { findBars, inkMask, mrzPairs, type BarPair } from './bars'
import { templateLinePairs } from './cells'
import type { MrzEngines } from './engine'
import type { Glyph } from './glyphs'
import { turnRight, type Gray } from './gray'
import { mrzLinePairs } from './lines'
import { pdfPageImages } from './pdf-images'

/** What a scan's MRZ says, or found: false when the scan has none that can be read. */
export interface MrzScan {
  found: boolean
  reading: MrzReading | null
}

/**
 * Sizes (long side) the page is searched at, each with the gaps (pixels) joined between characters.
 * A run of `<` leaves almost a whole character's pitch empty in every row, so the gaps go up to the
 * pitch: about 12 px for 2.5 mm characters on an A4 bed at 1400 px, up to 14 px for a close photo of
 * the page at 700 px.
 */
const SEARCHES = [
  { edge: 1400, gaps: [5, 10, 13] },
  { edge: 700, gaps: [5, 9, 14] },
]
/** Pixels between characters on the image the band is cut from, before it is scaled for OCR. */
const SOURCE_PITCH = 30
/** Bands tried, best first, before a scan is said to have no MRZ. */
const MAX_BANDS = 3

/**
 * Finds and reads a passport's MRZ on a scan (JPEG, PNG, TIFF, or a PDF of scanned pages), wherever
 * it lies on the page and whichever way up. A reading is returned only when OCR gave two 44-character
 * lines that look like a TD3 MRZ (a P in front, two or more check digits holding); `valid` in it says
 * whether every check digit holds.
 */
export async function readMrz(
  bytes: Buffer,
  engines: MrzEngines,
  glyphs: readonly Glyph[],
  today: Date,
): Promise<MrzScan> {
  const images = bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? await pdfPageImages(bytes) : [bytes]
  let best: MrzReading | null = null
  for (const image of images.slice(0, MAX_PDF_PAGES)) {
    const reading = await readImage(image, engines, glyphs, today)
    if (reading?.valid) return { found: true, reading }
    best ??= reading
  }
  return { found: best !== null, reading: best }
}

async function readImage(
  image: Buffer,
  engines: MrzEngines,
  glyphs: readonly Glyph[],
  today: Date,
): Promise<MrzReading | null> {
  const input = () => sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).autoOrient()
  const meta = await sharp(image, { limitInputPixels: MAX_INPUT_PIXELS }).metadata()
  const turned = (meta.orientation ?? 1) >= 5
  const [width, height] = turned ? [meta.height, meta.width] : [meta.width, meta.height]
  const candidates: { pair: BarPair; quarter: 0 | 1; scale: number }[] = []
  // Characters 2.5 mm tall are a few pixels on a whole scanner bed and dozens on a close photo: the
  // page is searched at two sizes, so that the gaps joined are right for one of them.
  for (const { edge, gaps } of SEARCHES) {
    const scale = Math.min(1, edge / Math.max(width, height))
    const work = await gray(
      input()
        .resize(Math.round(width * scale), Math.round(height * scale))
        .grayscale(),
    )
    const background = await gray(
      sharp(work.data, { raw: { width: work.width, height: work.height, channels: 1 } }).blur(10),
    )
    for (const quarter of [0, 1] as const) {
      const [page, bg] = quarter ? [turnRight(work), turnRight(background)] : [work, background]
      const ink = inkMask(page, bg)
      const minLength = 0.12 * Math.min(page.width, page.height)
      for (const gap of gaps)
        for (const pair of mrzPairs(findBars(ink, page.width, page.height, gap), minLength)) {
          const scaled = { pair, quarter, scale }
          if (!candidates.some((seen) => sameBand(seen, scaled))) candidates.push(scaled)
        }
    }
  }
  // Longer bars are more characters for the page's size: the score is compared on a common scale.
  candidates.sort((a, b) => b.pair.score / b.scale - a.pair.score / a.scale)

  const sources = new Map<string, Promise<Gray>>()
  const bands: { source: Gray; band: Band }[] = []
  for (const { pair, quarter, scale } of candidates.slice(0, MAX_BANDS)) {
    const pitch = pair.first.length / 43.5 / scale
    const shrink = Math.min(1, SOURCE_PITCH / pitch)
    const key = `${quarter}:${shrink.toFixed(3)}`
    if (!sources.has(key))
      sources.set(
        key,
        gray(
          input()
            .rotate(quarter * 90)
            .resize(Math.round((quarter ? height : width) * shrink))
            .grayscale(),
        ),
      )
    bands.push({
      source: await (sources.get(key) as Promise<Gray>),
      band: bandOf(pair, quarter, shrink / scale),
    })
  }
  const plausible = ([line1, line2]: [string, string]) => {
    const reading = parseTd3(line1, line2, today)
    return reading !== null && heldCheckDigits(reading.line2) >= 2
  }
  /** The first valid reading of the lines, or of them put together field by field by check digit. */
  const settle = (pairs: [string, string][]): MrzReading | null => {
    const name = combineLine1(pairs.map(([line1]) => line1))
    for (const line2 of combineLine2(pairs.map(([, line]) => line))) {
      const reading = name === null ? null : parseTd3(name, line2, today)
      if (reading?.valid) return reading
    }
    return null
  }
  /** The band's strip both ways up, the likelier first. */
  const strips = ({ source, band }: { source: Gray; band: Band }) => {
    const upright = bandStrip(source, band, false)
    const flipped = () => bandStrip(source, band, true).strip
    return upright.upsideDown
      ? [
          { flip: true, strip: flipped() },
          { flip: false, strip: upright.strip },
        ]
      : [
          { flip: false, strip: upright.strip },
          { flip: true, strip: flipped() },
        ]
  }

  // OCR-B templates first: a few milliseconds a band, and enough for most scans.
  let fromTemplates: MrzReading | null = null
  for (const found of bands)
    for (const { strip } of strips(found)) {
      const pairs = templateLinePairs(strip, glyphs).filter(plausible)
      const settled = settle(pairs)
      if (settled) return settled
      if (pairs[0]) fromTemplates ??= parseTd3(...pairs[0], today)
    }

  // Tesseract where the templates fall short (blur, low resolution, uneven light): each field is
  // taken from whichever reading, its or the templates', makes its check digit hold.
  let best: MrzReading | null = null
  for (const found of bands) {
    const { source, band } = found
    // Each OCR run gives the lines twice: letters from the LSTM engine first, then from the legacy one.
    const ocr = async (strip: Gray) => {
      const png = await stripPng(strip)
      const [legacy, lstm] = await Promise.all([engines.legacy.readLines(png), engines.lstm.readLines(png)])
      return [
        ...mrzLinePairs(legacy, lstm, 'lstm'),
        ...mrzLinePairs(legacy, lstm, 'legacy'),
        ...templateLinePairs(strip, glyphs),
      ]
    }
    for (const { flip, strip } of strips(found)) {
      const first = (await ocr(strip)).filter(plausible)
      const [top] = first
      if (!top) continue
      const settled = settle(first)
      if (settled) return settled
      // A check digit still fails: read the band again at another size, and take each field from
      // the reading where its check digit holds.
      const again = (await ocr(bandStrip(source, band, flip, SECOND_PITCH).strip)).filter(plausible)
      const combined = settle([...first, ...again])
      if (combined) return combined
      best ??= parseTd3(...top, today)
      break
    }
  }
  return best ?? fromTemplates
}

/** Whether two candidates found at different sizes or gaps are the same two lines. */
function sameBand(
  a: { pair: BarPair; quarter: number; scale: number },
  b: { pair: BarPair; quarter: number; scale: number },
): boolean {
  if (a.quarter !== b.quarter) return false
  const near = (p: { cx: number; cy: number; thickness: number }, q: { cx: number; cy: number }) =>
    Math.hypot(p.cx / a.scale - q.cx / b.scale, p.cy / a.scale - q.cy / b.scale) < p.thickness / a.scale
  return near(a.pair.first, b.pair.first) && near(a.pair.second, b.pair.second)
}

/** The pipeline's pixels, one byte each: sharp hands a blurred one-channel image back as three. */
async function gray(pipeline: sharp.Sharp): Promise<Gray> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true })
  const { width, height, channels } = info
  if (channels === 1) return { data, width, height }
  const one = new Uint8Array(width * height)
  for (let i = 0; i < one.length; i++) one[i] = data[i * channels] ?? 255
  return { data: one, width, height }
}
