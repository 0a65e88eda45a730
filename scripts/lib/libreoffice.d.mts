export declare const SOFFICE_PATH: string;
export declare const LIBREOFFICE_INSTALL_COMMAND: string;
export declare function ensureLibreOffice(options?: { path?: string; asRoot?: boolean }): string;
export declare function convertWithLibreOffice(
  input: string,
  filter: string,
  outDir: string,
  options?: { path?: string; timeoutMs?: number },
): string;
