import { getOperation } from '../../../shared/execution/operations';
import { telnyx } from '../../provider';
import { numberWithSettings, readRecord, settingsPaths } from '../../transport';

/** The number with its voice and messaging settings: what an update outputs too. */
export const { description, execute } = getOperation(telnyx, {
	async read(connection, address, itemIndex) {
		const paths = settingsPaths(address);
		const number = await readRecord(connection, paths.number, itemIndex, address.resource);
		const voice = await readRecord(connection, paths.voice, itemIndex, address.resource);
		const messaging = await readRecord(connection, paths.messaging, itemIndex, address.resource);
		return numberWithSettings(number, voice, messaging);
	},
});
