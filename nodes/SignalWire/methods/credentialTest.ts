import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { signalWireProfile, SPACE_PROBLEM, spaceHostOrigin } from '../transport';
import { RELAY_REST } from '../transport/pages';

/** One number of the project (`GET /phone_numbers?page_size=1`): what the Numbers scope allows. */
export const signalWirePhoneNumbersApiTest = credentialTestFunction(signalWireProfile, (data, origin) => {
	const problem = credentialValueProblem('Project ID', data.projectId) ?? credentialValueProblem('API Token', data.apiToken);
	if (problem) return problem;
	const base = origin ?? spaceHostOrigin(data.space);
	if (!base) return SPACE_PROBLEM;
	const token = String(data.apiToken ?? '');
	return {
		url: `${base}${RELAY_REST}/phone_numbers`,
		qs: { page_size: 1 },
		auth: { basic: { user: String(data.projectId ?? ''), password: token } },
		secrets: [token],
		hint: 'Check the Project ID, the API token and the Space they belong to; the token needs the Numbers scope (SignalWire: API → Credentials).',
	};
});
