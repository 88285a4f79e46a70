import { pick, prng } from '../http';

/** Twilio SIDs: two letters and 32 hex digits. */
export function sid(prefix: string, random: () => number): string {
	let hex = '';
	for (let i = 0; i < 32; i++) hex += Math.floor(random() * 16).toString(16);
	return `${prefix}${hex}`;
}

export type TwilioNumber = Record<string, unknown> & { sid: string; account_sid: string; phone_number: string; friendly_name: string };

export interface TwilioData {
	accountSid: string;
	authToken: string;
	/** Standard API keys: SID → secret. They cannot read /Accounts/{AC}.json. */
	apiKeys: Record<string, string>;
	numbers: TwilioNumber[];
	applications: Array<{ sid: string; friendly_name: string }>;
	trunks: Array<{ sid: string; friendly_name: string; domain_name: string }>;
	addresses: Array<{ sid: string; friendly_name: string; customer_name: string; iso_country: string }>;
}

export const TWILIO_ACCOUNT = {
	accountSid: 'AC0123456789abcdef0123456789abcdef',
	authToken: 'f0cd5c5eb9e744ea4b7feed493f2a0ab',
	apiKeySid: 'SK0123456789abcdef0123456789abcdef',
	apiKeySecret: 'GWGQdv2uZ4w1laoaCTcqBVrNEePUiVPc',
};

const DATE = 'Mon, 16 Aug 2010 23:00:23 +0000';

export function seedTwilio(options: { numbers?: number } = {}): TwilioData {
	const random = prng(4004);
	const count = options.numbers ?? 130;
	const applications = Array.from({ length: 60 }, (_, i) => ({ sid: sid('AP', random), friendly_name: `${pick(random, ['IVR', 'Support', 'Sales', 'Voicemail'])} app ${i + 1}` }));
	const trunks = Array.from({ length: 55 }, (_, i) => ({ sid: sid('TK', random), friendly_name: `Trunk ${i + 1}`, domain_name: `trunk-${i + 1}.pstn.twilio.com` }));
	const addresses = Array.from({ length: 45 }, (_, i) => ({ sid: sid('AD', random), friendly_name: `Office ${i + 1}`, customer_name: 'Acme Inc', iso_country: 'US' }));
	const numbers: TwilioNumber[] = [];
	for (let i = 0; i < count; i++) {
		const phone = `+1${pick(random, ['415', '628', '212'])}555${String(2000 + i).padStart(4, '0')}`;
		numbers.push({
			sid: sid('PN', random),
			account_sid: TWILIO_ACCOUNT.accountSid,
			friendly_name: i % 3 === 0 ? `Support line ${i}` : `(${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8)}`,
			phone_number: phone,
			voice_url: i % 2 === 0 ? `https://demo.twilio.com/welcome/voice/${i}` : '',
			voice_method: 'POST',
			voice_fallback_url: '',
			voice_fallback_method: 'POST',
			voice_caller_id_lookup: false,
			voice_application_sid: '',
			voice_receive_mode: 'voice',
			trunk_sid: null,
			status_callback: '',
			status_callback_method: 'POST',
			sms_url: '',
			sms_method: 'POST',
			sms_fallback_url: '',
			sms_fallback_method: 'POST',
			sms_application_sid: '',
			address_sid: null,
			address_requirements: 'none',
			emergency_status: 'Inactive',
			emergency_address_sid: null,
			emergency_address_status: 'unregistered',
			identity_sid: null,
			bundle_sid: null,
			capabilities: { voice: true, sms: true, mms: i % 2 === 0, fax: false },
			beta: false,
			origin: i % 10 === 9 ? 'hosted' : 'twilio',
			// twilio-oai: local, mobile or tollfree.
			type: i % 7 === 6 ? 'tollfree' : i % 5 === 4 ? 'mobile' : 'local',
			status: 'in-use',
			api_version: '2010-04-01',
			date_created: DATE,
			date_updated: DATE,
			uri: '',
		});
	}
	return { accountSid: TWILIO_ACCOUNT.accountSid, authToken: TWILIO_ACCOUNT.authToken, apiKeys: { [TWILIO_ACCOUNT.apiKeySid]: TWILIO_ACCOUNT.apiKeySecret }, numbers, applications, trunks, addresses };
}
