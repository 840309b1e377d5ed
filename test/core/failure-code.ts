/** The failure code a call ends with, or 'resolved': lets a test line up refusals one per line. */
export async function failureCode(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    return (error as { code?: string }).code
  }
  return 'resolved'
}
