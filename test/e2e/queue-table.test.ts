import { afterEach, expect, it } from 'vitest'
import { documentFiles, queueOne, tempDir } from '../core/sync/desk'
import { openDesk, type Desk } from './desk'

let desk: Desk | undefined
afterEach(async () => {
  await desk?.close()
  desk = undefined
})

it('lines every cell of a row up under its column, the names hidden or not', async () => {
  desk = await openDesk()
  const { page, host } = desk
  await queueOne(host.core, await documentFiles(tempDir()))
  await page.getByRole('button', { name: /^File d’attente/ }).click()
  const table = page.getByRole('table', { name: 'File d’attente' })
  // No agent and no admin PIN on this desk: the core leaves the names out, and one cell says why.
  await table.getByText('Nom masqué').waitFor()

  const headers = await table
    .locator('thead th')
    .evaluateAll((cells) =>
      cells.map((cell) => ({ left: Math.round(cell.getBoundingClientRect().left), span: 1 })),
    )
  const row = await table
    .locator('tbody tr')
    .first()
    .locator('th, td')
    .evaluateAll((cells) =>
      cells.map((cell) => ({
        left: Math.round(cell.getBoundingClientRect().left),
        span: (cell as HTMLTableCellElement).colSpan,
        display: getComputedStyle(cell).display,
      })),
    )
  expect(row.every((cell) => cell.display === 'table-cell')).toBe(true)
  // Each cell starts where the column it opens starts.
  let column = 0
  for (const cell of row) {
    expect(cell.left).toBe(headers[column]!.left)
    column += cell.span
  }
  expect(column).toBe(headers.length)
})
