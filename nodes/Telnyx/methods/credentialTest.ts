import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { telnyxProfile } from '../transport';

/** One number of the account (`GET /phone_numbers?page[size]=1`). */
export const telnyxPhoneNumbersApiTest = credentialTestFunction(telnyxProfile, (data, origin) => {
	const problem = credentialValueProblem('API Key', data.apiKey);
	if (problem) return problem;
	const apiKey = String(data.apiKey ?? '');
	return {
		url: `${origin ?? 'https://api.telnyx.com'}/v2/phone_numbers`,
		qs: { 'page[size]': 1 },
		auth: { bearer: apiKey },
		secrets: [apiKey],
		hint: 'Check the API key: a V2 key from Telnyx Mission Control → Account Settings → Keys & Credentials → API Keys.',
	};
});
