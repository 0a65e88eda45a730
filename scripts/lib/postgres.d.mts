export declare const isRoot: () => boolean;
export declare function findPostgresBin(root?: string): string | undefined;
export declare function aptGet(args: string[]): void;
export declare function ensurePostgres(options?: { root?: string; asRoot?: boolean }): string;
export declare function freePort(): Promise<number>;
export type Cluster = { url: string; port: number; dir: string; stop: () => void };
export declare function startCluster(options?: {
  bin?: string;
  log?: (line: string) => void;
}): Promise<Cluster>;
