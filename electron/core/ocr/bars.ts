import type { Gray } from './gray'

/** A long, thin blob of text: a line of characters once the gaps between them are filled. */
export interface Bar {
  cx: number
  cy: number
  /** Along the bar, in pixels. */
  length: number
  /** Across the bar: about the height of its characters. */
  thickness: number
  /** Radians, from the x axis, y down. */
  angle: number
}

/**
 * Ink: pixels clearly darker than their neighbourhood (`background` is the image blurred), so text
 * stays ink under a shadow or a lamp's hot spot where a single threshold would lose it.
 */
export function inkMask(image: Gray, background: Gray, contrast = 18): Uint8Array {
  const ink = new Uint8Array(image.data.length)
  for (let i = 0; i < ink.length; i++) {
    const bg = background.data[i] ?? 255
    ink[i] = bg - (image.data[i] ?? 255) > Math.max(contrast, bg * 0.12) ? 1 : 0
  }
  return ink
}

interface Run {
  y: number
  a: number
  b: number
}

/**
 * The bars of an ink mask: in each row, ink closer than `gap` pixels is joined into runs; runs that
 * touch from one row to the next are one blob; each blob's second moments give its length, thickness
 * and angle. Only blobs long and thin enough to be a line of text are kept.
 */
export function findBars(ink: Uint8Array, width: number, height: number, gap: number): Bar[] {
  const runs: Run[] = []
  const rowStart: number[] = []
  for (let y = 0; y < height; y++) {
    rowStart.push(runs.length)
    let start = -1
    let last = -1
    for (let x = 0; x < width; x++) {
      if (!ink[y * width + x]) continue
      if (start >= 0 && x - last <= gap) last = x
      else {
        if (start >= 0) runs.push({ y, a: start, b: last })
        start = x
        last = x
      }
    }
    if (start >= 0) runs.push({ y, a: start, b: last })
  }
  rowStart.push(runs.length)

  const parent = Int32Array.from(runs.keys())
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const up = parent[parent[i] ?? i] ?? i
      parent[i] = up
      i = up
    }
    return i
  }
  for (let y = 1; y < height; y++) {
    let j = rowStart[y - 1] ?? 0
    const jEnd = rowStart[y] ?? 0
    for (let i = rowStart[y] ?? 0; i < (rowStart[y + 1] ?? 0); i++) {
      const run = runs[i]
      if (!run) continue
      while (j < jEnd && (runs[j]?.b ?? 0) < run.a - 1) j++
      for (let k = j; k < jEnd && (runs[k]?.a ?? 0) <= run.b + 1; k++) {
        const ri = find(i)
        const rk = find(k)
        if (ri !== rk) parent[ri] = rk
      }
    }
  }

  const moments = new Map<number, number[]>()
  const sq = (k: number) => (k * (k + 1) * (2 * k + 1)) / 6
  runs.forEach((run, i) => {
    const root = find(i)
    const m = moments.get(root) ?? [0, 0, 0, 0, 0, 0]
    const n = run.b - run.a + 1
    const sx = ((run.a + run.b) * n) / 2
    m[0] = (m[0] ?? 0) + n
    m[1] = (m[1] ?? 0) + sx
    m[2] = (m[2] ?? 0) + run.y * n
    m[3] = (m[3] ?? 0) + sq(run.b) - sq(run.a - 1)
    m[4] = (m[4] ?? 0) + run.y * run.y * n
    m[5] = (m[5] ?? 0) + run.y * sx
    moments.set(root, m)
  })

  const blobs: Bar[] = []
  for (const [n = 0, sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0] of moments.values()) {
    if (n < 20) continue
    const cx = sx / n
    const cy = sy / n
    const vxx = sxx / n - cx * cx
    const vyy = syy / n - cy * cy
    const vxy = sxy / n - cx * cy
    const spread = Math.sqrt(((vxx - vyy) / 2) ** 2 + vxy * vxy)
    const major = (vxx + vyy) / 2 + spread
    const minor = Math.max((vxx + vyy) / 2 - spread, 0.25)
    const length = Math.sqrt(12 * major)
    const thickness = Math.sqrt(12 * minor)
    const angle = 0.5 * Math.atan2(2 * vxy, vxx - vyy)
    // Word-like pieces only: a lone character's angle says nothing.
    if (length >= 2.5 * thickness && Math.abs(angle) < 0.2 && n >= 0.5 * length * thickness)
      blobs.push({ cx, cy, length, thickness, angle })
  }
  // A line of text: much longer than tall once its pieces are joined.
  return joinCollinear(blobs).filter((bar) => bar.length / bar.thickness >= 12)
}

/**
 * Joins pieces of one line that a faint run of `<` (thin strokes, lost to JPEG or downscaling) cut
 * apart: pieces at the same slope and height, end to end with a gap of a few characters at most.
 */
function joinCollinear(blobs: Bar[]): Bar[] {
  const bars = [...blobs].sort((a, b) => a.cx - b.cx)
  for (let joined = true; joined;) {
    joined = false
    for (let i = 0; i < bars.length && !joined; i++)
      for (let j = 0; j < bars.length && !joined; j++) {
        const a = bars[i]
        const b = bars[j]
        if (!a || !b || i === j || b.cx <= a.cx) continue
        const thickness = Math.max(a.thickness, b.thickness)
        if (Math.abs(a.thickness - b.thickness) > 0.5 * thickness || Math.abs(a.angle - b.angle) > 0.08)
          continue
        const [cos, sin] = [Math.cos(a.angle), Math.sin(a.angle)]
        const dx = b.cx - a.cx
        const dy = b.cy - a.cy
        const across = Math.abs(dy * cos - dx * sin)
        const gap = dx * cos + dy * sin - (a.length + b.length) / 2
        if (across > 0.4 * thickness || gap > 3 * thickness || gap < -thickness) continue
        const start = [a.cx - (a.length / 2) * cos, a.cy - (a.length / 2) * sin]
        const [bc, bs] = [Math.cos(b.angle), Math.sin(b.angle)]
        const end = [b.cx + (b.length / 2) * bc, b.cy + (b.length / 2) * bs]
        const [x0 = 0, y0 = 0] = start
        const [x1 = 0, y1 = 0] = end
        bars[i] = {
          cx: (x0 + x1) / 2,
          cy: (y0 + y1) / 2,
          length: Math.hypot(x1 - x0, y1 - y0),
          thickness,
          angle: Math.atan2(y1 - y0, x1 - x0),
        }
        bars.splice(j, 1)
        joined = true
      }
  }
  return bars
}

/** Two bars that may be the two lines of a passport's MRZ, with how much they look it (higher is better). */
export interface BarPair {
  first: Bar
  second: Bar
  score: number
}

/**
 * Pairs of bars laid out as a TD3 MRZ: parallel, of the same length, one above the other at about
 * twice their height, and about 40 characters long for each character's height.
 */
export function mrzPairs(bars: readonly Bar[], minLength: number): BarPair[] {
  const long = bars.filter((bar) => bar.length >= minLength)
  const pairs: BarPair[] = []
  for (const first of long)
    for (const second of long) {
      if (second.cy <= first.cy) continue
      const length = (first.length + second.length) / 2
      const thickness = (first.thickness + second.thickness) / 2
      const angle = (first.angle + second.angle) / 2
      const dx = second.cx - first.cx
      const dy = second.cy - first.cy
      const across = dy * Math.cos(angle) - dx * Math.sin(angle)
      const along = dx * Math.cos(angle) + dy * Math.sin(angle)
      if (Math.abs(first.length - second.length) > 0.15 * length) continue
      if (Math.abs(first.angle - second.angle) > 0.05) continue
      if (across < 1.2 * thickness || across > 4 * thickness) continue
      if (Math.abs(along) > 0.08 * length) continue
      const ratio = length / thickness
      const score = length * Math.exp(-Math.abs(Math.log(ratio / 40))) * (1 - Math.abs(along) / length)
      pairs.push({ first, second, score })
    }
  return pairs.sort((a, b) => b.score - a.score)
}
