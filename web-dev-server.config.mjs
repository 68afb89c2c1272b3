// Serves the demo pages (demo/*.html, which import src/*.ts) with TypeScript compiled on the fly.
import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  rootDir: '.',
  hostname: '127.0.0.1',
  nodeResolve: { exportConditions: ['production'] },
  appIndex: 'demo/index.html',
  plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
};
