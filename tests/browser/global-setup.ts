// Screenshots and downloads of this run only.
import fs from 'node:fs';
import { SCREENSHOT_DIR } from './support';

export default function setup() {
  fs.rmSync(SCREENSHOT_DIR, { recursive: true, force: true });
}
