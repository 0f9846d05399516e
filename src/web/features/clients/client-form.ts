// The person fields as a form holds them (strings), and their conversion to the API's shape.
import type { ClientDetail, ClientFields } from '../../../server/modules/clients/clients.schemas';

export interface ClientFormValues {
  firstName: string;
  lastName: string;
  birthDate: string;
  bsn: string;
  street: string;
  houseNumber: string;
  postcode: string;
  city: string;
  phone: string;
}

export const EMPTY_CLIENT: ClientFormValues = { firstName: '', lastName: '', birthDate: '', bsn: '', street: '', houseNumber: '', postcode: '', city: '', phone: '' };

export function clientFormFromDetail(client: ClientDetail): ClientFormValues {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    birthDate: client.birthDate ?? '',
    bsn: client.bsn ?? '',
    street: client.street ?? '',
    houseNumber: client.houseNumber ?? '',
    postcode: client.postcode ?? '',
    city: client.city ?? '',
    phone: client.phone ?? '',
  };
}

export function toClientFields(values: ClientFormValues): ClientFields {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    birthDate: values.birthDate === '' ? null : values.birthDate,
    bsn: values.bsn,
    street: values.street,
    houseNumber: values.houseNumber,
    postcode: values.postcode,
    city: values.city,
    phone: values.phone,
  };
}
