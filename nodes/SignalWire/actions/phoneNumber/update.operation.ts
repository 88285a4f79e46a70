import { singleWriteUpdateOperation } from '../../../shared/execution/operations';
import { compareByTable } from '../../../shared/execution/updateOptions';
import { SIGNALWIRE_FIELDS, updateFieldsProperty } from '../../descriptions/updateFields';
import { signalWire } from '../../provider';
import { handlerTogether, signalWireUpdateBody } from './updateBody';

/** SignalWire updates with PUT, yet only the fields sent change; it answers with the number. */
export const { description, execute } = singleWriteUpdateOperation(signalWire, {
	fields: updateFieldsProperty,
	method: 'PUT',
	bodyOf: signalWireUpdateBody,
	compare: (keys, body, number) => compareByTable(keys, SIGNALWIRE_FIELDS, body, number),
	together: handlerTogether,
});
