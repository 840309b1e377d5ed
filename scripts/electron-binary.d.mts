export declare function findElectron(
  root: string,
): { binary: string; missing?: undefined } | { binary?: undefined; missing: string }
export declare function electronVersion(root: string): string
