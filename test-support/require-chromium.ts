// Global setup for browser tests: stop with the install hint instead of Playwright's download advice.
import { chromiumPath } from './chromium.ts';

export default function requireChromium(): void {
  chromiumPath();
}
