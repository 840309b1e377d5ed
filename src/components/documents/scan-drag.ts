/** The drag data type a scan from the tray carries: its path in the scanner folder. */
export const SCAN_DRAG_TYPE = 'application/x-guichet-scan'
