/**
 * The scanner process: a Node child forked by the CLI, or an Electron
 * utility process in the desktop app. It reads folders and tags and never
 * opens the database; main writes what it sends.
 */
import { DEFAULT_SCAN_BATCH_SIZE, type ScannerMessage, type ScannerRequest } from '../../shared/scan-protocol.ts';
import { connectToParent, exitWithParent } from '../port.ts';
import { ScanSession } from './scan-session.ts';

const port = connectToParent<ScannerRequest, ScannerMessage>();
exitWithParent();

let session: ScanSession | null = null;

port.onMessage((message) => {
  switch (message.type) {
    case 'start':
      startScan(message.root, message.batchSize);
      break;
    case 'parse':
      session?.receiveParseList(message.batchId, message.paths);
      break;
    case 'cancel':
      process.exit(0);
  }
});

function startScan(root: string, batchSize: number): void {
  if (session) {
    port.send({ type: 'failed', message: 'this scanner process is already running a scan' });
    return;
  }

  const size = Number.isInteger(batchSize) && batchSize > 0 ? batchSize : DEFAULT_SCAN_BATCH_SIZE;
  session = new ScanSession((reply) => port.send(reply), root, size);
  session.run().catch((error: unknown) => {
    port.send({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  });
}
