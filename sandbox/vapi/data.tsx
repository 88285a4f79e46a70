import { pick, prng, uuid } from '../http';

export type VapiRecord = Record<string, unknown> & { id: string };

export interface VapiData {
	apiKeys: string[];
	orgId: string;
	numbers: VapiRecord[];
	assistants: VapiRecord[];
	squads: VapiRecord[];
}

export const VAPI_KEYS = {
	/** A private key of the organization. */
	main: '9f3c7a51-6be2-4d0e-8a47-c1d25e9b80f3',
	/** The organization's public key: Vapi refuses it for these endpoints. */
	public: '2a6e0d94-b3c1-4f78-9e25-7d1a8c4b6f02',
};

const PROVIDERS = ['twilio', 'vapi', 'byo-phone-number', 'telnyx', 'vonage'] as const;

/** An organization with numbers of every provider type, 1,200 assistants (two pages of 1,000) and a few squads. */
export function seedVapi(options: { numbers?: number } = {}): VapiData {
	const random = prng(8080);
	const orgId = uuid(random);
	const start = Date.parse('2026-01-01T00:00:00.000Z');
	const at = (i: number) => new Date(start + i * 60_000).toISOString();
	const assistants: VapiRecord[] = Array.from({ length: 1200 }, (_, i) => ({ id: uuid(random), orgId, name: `Assistant ${String(i + 1).padStart(4, '0')}`, createdAt: at(i), updatedAt: at(i) }));
	const squads: VapiRecord[] = Array.from({ length: 6 }, (_, i) => ({ id: uuid(random), orgId, name: `Squad ${pick(random, ['Sales', 'Support', 'Billing'])} ${i + 1}`, createdAt: at(i), updatedAt: at(i) }));
	const numbers: VapiRecord[] = Array.from({ length: options.numbers ?? 60 }, (_, i) => {
		const provider = PROVIDERS[i % PROVIDERS.length];
		const number: VapiRecord = {
			id: uuid(random),
			orgId,
			provider,
			status: 'active',
			name: `Line ${i + 1}`,
			assistantId: i % 3 === 0 ? assistants[i].id : null,
			squadId: i % 3 === 1 ? squads[i % squads.length].id : null,
			workflowId: null,
			server: i % 4 === 0 ? { url: `https://hooks.example.com/vapi/${i}`, timeoutSeconds: 20 } : undefined,
			fallbackDestination: i % 5 === 0 ? { type: 'number', number: `+1415555${String(2000 + i).padStart(4, '0')}` } : undefined,
			createdAt: at(i),
			updatedAt: at(i),
		};
		if (provider === 'vapi') {
			number.sipUri = `sip:line${i}@sip.vapi.ai`;
			// Another system's secret, as Vapi answers it: the nodes never output it.
			number.authentication = { realm: 'sip.vapi.ai', username: `line${i}`, password: `SipSecret-${uuid(random)}` };
		} else {
			number.number = `+1628555${String(1000 + i).padStart(4, '0')}`;
		}
		if (provider === 'twilio') {
			number.twilioAccountSid = 'AC11112222333344445555666677778888';
			number.twilioAuthToken = `tw-${uuid(random)}`;
			number.smsEnabled = true;
		}
		if (provider === 'byo-phone-number' || provider === 'telnyx' || provider === 'vonage') number.credentialId = uuid(random);
		return number;
	});
	return { apiKeys: [VAPI_KEYS.main], orgId, numbers, assistants, squads };
}
