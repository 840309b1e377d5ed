/** Debian's Chromium, with what a closed network needs (no background connections, no QUIC). */
export const executablePath = process.env['GUICHET_CHROMIUM'] ?? '/usr/bin/chromium'
export const args = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
