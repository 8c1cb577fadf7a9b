// The till's version as the hub sees it (pairing, device report): the package version. A named
// import, so the bundle keeps only this field of package.json.
import { version } from '../../package.json';

export const APP_VERSION: string = version;
