// Declarations for the wa-sqlite VFS modules the till loads that the package's own types lack
// (OPFSCoopSyncVFS) or describe with an outdated constructor (IDBBatchAtomicVFS.create).

declare module '@journeyapps/wa-sqlite/src/examples/OPFSCoopSyncVFS.js' {
  /** Synchronous OPFS VFS: one access handle per database file, handed between connections through a Web Lock. */
  export class OPFSCoopSyncVFS implements SQLiteVFS {
    static create(name: string, module: unknown): Promise<OPFSCoopSyncVFS>;
    name: string;
    mxPathname?: number;
    close(): void | Promise<void>;
    isReady(): boolean | Promise<boolean>;
    hasAsyncMethod(methodName: string): boolean;
    xOpen(pVfs: number, zName: number, pFile: number, flags: number, pOutFlags: number): number | Promise<number>;
    xDelete(pVfs: number, zName: number, syncDir: number): number | Promise<number>;
    xAccess(pVfs: number, zName: number, flags: number, pResOut: number): number | Promise<number>;
    xFullPathname(pVfs: number, zName: number, nOut: number, zOut: number): number | Promise<number>;
    xGetLastError(pVfs: number, nBuf: number, zBuf: number): number | Promise<number>;
    xClose(pFile: number): number | Promise<number>;
    xRead(pFile: number, pData: number, iAmt: number, iOffsetLo: number, iOffsetHi: number): number | Promise<number>;
    xWrite(pFile: number, pData: number, iAmt: number, iOffsetLo: number, iOffsetHi: number): number | Promise<number>;
    xTruncate(pFile: number, sizeLo: number, sizeHi: number): number | Promise<number>;
    xSync(pFile: number, flags: number): number | Promise<number>;
    xFileSize(pFile: number, pSize: number): number | Promise<number>;
    xLock(pFile: number, lockType: number): number | Promise<number>;
    xUnlock(pFile: number, lockType: number): number | Promise<number>;
    xCheckReservedLock(pFile: number, pResOut: number): number | Promise<number>;
    xFileControl(pFile: number, op: number, pArg: number): number | Promise<number>;
    xSectorSize(pFile: number): number | Promise<number>;
    xDeviceCharacteristics(pFile: number): number | Promise<number>;
  }
}

declare module '@journeyapps/wa-sqlite/src/examples/IDBBatchAtomicVFS.js' {
  // Merges a static factory into the package's class declaration (the package's types predate it).
  export namespace IDBBatchAtomicVFS {
    function create(name: string, module: unknown, options?: { idbName?: string; lockPolicy?: 'exclusive' | 'shared' | 'shared+hint' }): Promise<IDBBatchAtomicVFS>;
  }
}
