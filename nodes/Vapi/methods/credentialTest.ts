import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { VAPI_API, vapiProfile } from '../transport';

/** One number of the organization (`GET /v2/phone-number?limit=1`): needs the private key. */
export const vapiPhoneNumbersApiTest = credentialTestFunction(vapiProfile, (data, origin) => {
	const problem = credentialValueProblem('API Key', data.apiKey);
	if (problem) return problem;
	const apiKey = String(data.apiKey ?? '');
	return {
		url: `${origin ?? VAPI_API}/v2/phone-number`,
		qs: { limit: 1 },
		auth: { bearer: apiKey },
		secrets: [apiKey],
		hint: "Check the API key: the organization's private key (Vapi dashboard → Organization Settings → API Keys), not the public one.",
	};
});
