import type { ICredentialType, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';

import { ClosePhoneNumbersApi } from '../../credentials/ClosePhoneNumbersApi.credentials';
import { ClosePhoneNumbersOAuth2Api } from '../../credentials/ClosePhoneNumbersOAuth2Api.credentials';
import { SignalWirePhoneNumbersApi } from '../../credentials/SignalWirePhoneNumbersApi.credentials';
import { SynthflowPhoneNumbersApi } from '../../credentials/SynthflowPhoneNumbersApi.credentials';
import { TelnyxPhoneNumbersApi } from '../../credentials/TelnyxPhoneNumbersApi.credentials';
import { TwilioPhoneNumbersApi } from '../../credentials/TwilioPhoneNumbersApi.credentials';
import { RetellPhoneNumbersApi } from '../../credentials/RetellPhoneNumbersApi.credentials';
import { VapiPhoneNumbersApi } from '../../credentials/VapiPhoneNumbersApi.credentials';
import { Close } from '../../nodes/Close/Close.node';
import { SignalWire } from '../../nodes/SignalWire/SignalWire.node';
import { Synthflow } from '../../nodes/Synthflow/Synthflow.node';
import { Telnyx } from '../../nodes/Telnyx/Telnyx.node';
import { Twilio } from '../../nodes/Twilio/Twilio.node';
import { Retell } from '../../nodes/Retell/Retell.node';
import { CloseTrigger } from '../../nodes/Close/CloseTrigger.node';
import { SignalWireTrigger } from '../../nodes/SignalWire/SignalWireTrigger.node';
import { SynthflowTrigger } from '../../nodes/Synthflow/SynthflowTrigger.node';
import { TwilioTrigger } from '../../nodes/Twilio/TwilioTrigger.node';
import { TelnyxTrigger } from '../../nodes/Telnyx/TelnyxTrigger.node';
import { VapiTrigger } from '../../nodes/Vapi/VapiTrigger.node';
import { RetellTrigger } from '../../nodes/Retell/RetellTrigger.node';
import { Vapi } from '../../nodes/Vapi/Vapi.node';

export const PACKAGE = 'n8n-nodes-phone-numbers';

/** The package's node classes, by their type name in a workflow. */
export const nodeClasses: Record<string, () => INodeType> = {
	[`${PACKAGE}.close`]: () => new Close(),
	[`${PACKAGE}.signalWire`]: () => new SignalWire(),
	[`${PACKAGE}.synthflow`]: () => new Synthflow(),
	[`${PACKAGE}.telnyx`]: () => new Telnyx(),
	[`${PACKAGE}.twilio`]: () => new Twilio(),
	[`${PACKAGE}.vapi`]: () => new Vapi(),
	[`${PACKAGE}.retell`]: () => new Retell(),
	[`${PACKAGE}.closeTrigger`]: () => new CloseTrigger(),
	[`${PACKAGE}.signalWireTrigger`]: () => new SignalWireTrigger(),
	[`${PACKAGE}.synthflowTrigger`]: () => new SynthflowTrigger(),
	[`${PACKAGE}.twilioTrigger`]: () => new TwilioTrigger(),
	[`${PACKAGE}.telnyxTrigger`]: () => new TelnyxTrigger(),
	[`${PACKAGE}.vapiTrigger`]: () => new VapiTrigger(),
	[`${PACKAGE}.retellTrigger`]: () => new RetellTrigger(),
};

export const credentialTypes: Record<string, ICredentialType> = {
	closePhoneNumbersApi: new ClosePhoneNumbersApi(),
	closePhoneNumbersOAuth2Api: new ClosePhoneNumbersOAuth2Api(),
	signalWirePhoneNumbersApi: new SignalWirePhoneNumbersApi(),
	synthflowPhoneNumbersApi: new SynthflowPhoneNumbersApi(),
	telnyxPhoneNumbersApi: new TelnyxPhoneNumbersApi(),
	twilioPhoneNumbersApi: new TwilioPhoneNumbersApi(),
	vapiPhoneNumbersApi: new VapiPhoneNumbersApi(),
	retellPhoneNumbersApi: new RetellPhoneNumbersApi(),
	// n8n's own base type, which the OAuth2 credentials extend (only its name matters here).
	oAuth2Api: { name: 'oAuth2Api', displayName: 'OAuth2 API', properties: [] },
};

export class TestNodeTypes implements INodeTypes {
	private readonly cache = new Map<string, INodeType>();

	getByName(type: string): INodeType | IVersionedNodeType {
		return this.getByNameAndVersion(type);
	}

	getByNameAndVersion(type: string): INodeType {
		let node = this.cache.get(type);
		if (!node) {
			const make = nodeClasses[type];
			if (!make) throw new Error(`Unknown node type ${type}`);
			node = make();
			this.cache.set(type, node);
		}
		return node;
	}

	getKnownTypes() {
		return {};
	}
}
