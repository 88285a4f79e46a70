import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { regionBaseUrl, REGION_PROBLEM, synthflowProfile } from '../transport';

/** One agent of the account (`GET /assistants?limit=1`): a list with no required parameters. */
export const synthflowPhoneNumbersApiTest = credentialTestFunction(synthflowProfile, (data, origin) => {
	const problem = credentialValueProblem('API Key', data.apiKey);
	if (problem) return problem;
	const base = origin ? `${origin}/v2` : regionBaseUrl(data.region);
	if (!base) return REGION_PROBLEM(data.region);
	const apiKey = String(data.apiKey ?? '');
	return {
		url: `${base}/assistants`,
		qs: { limit: 1 },
		auth: { bearer: apiKey },
		secrets: [apiKey],
		hint: 'Check the API key (Synthflow → Settings → API Keys) and the Region: a key works only in the region its account lives in.',
	};
});
