import { credentialValueProblem } from '../../shared/transport/credentialData';
import { credentialTestFunction } from '../../shared/transport/credentialTest';
import { ACCOUNT_SID, twilioHost, twilioProfile, twilioRegion } from '../transport';

/** One number of the account: standard API keys cannot read `/Accounts/{AC}.json`. */
export const twilioPhoneNumbersApiTest = credentialTestFunction(twilioProfile, (data, origin) => {
	const accountSid = String(data.accountSid ?? '').trim();
	if (!ACCOUNT_SID.test(accountSid)) return "The Twilio credential's Account SID is not valid: AC followed by 32 hexadecimal digits";
	const byKey = data.authType === 'apiKey';
	const problem = byKey
		? (credentialValueProblem('API Key SID', data.apiKeySid) ?? credentialValueProblem('API Key Secret', data.apiKeySecret))
		: credentialValueProblem('Auth Token', data.authToken);
	if (problem) return problem;
	let base = origin;
	if (!base) {
		const found = twilioHost('api', data.region, data.edge);
		if ('problem' in found) return found.problem;
		base = `https://${found.host}`;
	}
	const password = String((byKey ? data.apiKeySecret : data.authToken) ?? '');
	return {
		url: `${base}/2010-04-01/Accounts/${accountSid}/IncomingPhoneNumbers.json`,
		qs: { PageSize: 1 },
		auth: { basic: { user: String((byKey ? data.apiKeySid : accountSid) ?? ''), password } },
		secrets: [password],
		hint: `Check the Account SID with its Auth Token (or an API key of that account), and the Region (now ${twilioRegion(data)}): Twilio credentials belong to one region and are refused in any other.`,
	};
});
