import { viaFunction, viaImport } from '../../src/ingest/zzExpLoader';
it('import', async () => { console.log('import:', await viaImport().catch((e: Error) => 'ERR ' + e.message)); });
it('function', async () => { console.log('function:', await viaFunction().catch((e: Error) => 'ERR ' + e.message)); });
import { viaRequire } from '../../src/ingest/zzExpLoader';
it('require', async () => { console.log('require:', await viaRequire().catch((e: Error) => 'ERR ' + e.message)); });
