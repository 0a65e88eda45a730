export declare const CHROMIUM_PATH: string;
export declare const CHROMIUM_ARGS: string[];
export declare function ensureChromium(options?: {
  path?: string;
  fontsPackage?: string;
  asRoot?: boolean;
}): string;
