/**
 * Executions of the Close node started together on one key, one batch of numbers each: execution
 * `e` sets the label of its `i`-th number to `${label} ${e} ${i}`. Each runs on the saved
 * credential id given for it: the same id for two shares one pacer (as in one n8n process),
 * different ids give each its own (as executions in two processes).
 */
import { closeCredentials } from '../../sandbox/close/provider';
import { runNode, updateEachItem } from '../harness/runNode';

export function closeRunsTogether(sandbox: { url: string }, batches: Array<Array<{ id: string }>>, label: string, credentialIds: Array<string | undefined>) {
	return Promise.all(
		batches.map((batch, e) =>
			runNode({
				node: 'close',
				parameters: updateEachItem('phoneNumber', { label: '={{ $json.label }}' }),
				items: batch.map((n, i) => ({ id: n.id, label: `${label} ${e} ${i}` })),
				credentials: closeCredentials(sandbox),
				credentialId: credentialIds[e],
			}),
		),
	);
}
