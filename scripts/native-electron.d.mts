export declare function ensureElectronSqlite(root: string, electron: string): string
