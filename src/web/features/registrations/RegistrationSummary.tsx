// What a registration is about: who, when, who referred, the question.
import { DataList, DataListItem, DataListKey, DataListValue } from '@utrecht/component-library-react';
import { DateText } from '../../app/DateText';
import { days, fullName } from '../../app/format';
import { RouterLink } from '../../app/links';
import { codeLabel, useReference } from '../../app/reference';
import type { Registration } from './api';

export function RegistrationSummary({ registration }: { registration: Registration }) {
  const reference = useReference();
  const referrer = codeLabel(reference.data, 'referrers', registration.referrerCode);
  return (
    <DataList appearance="rows" className="kt-datalist">
      <DataListItem>
        <DataListKey>Bewoner</DataListKey>
        <DataListValue>
          <RouterLink to={`/clienten/${registration.client.id}`}>{fullName(registration.client)}</RouterLink>
          {registration.client.birthDate && (
            <>
              {', geboren '}
              <DateText value={registration.client.birthDate} />
            </>
          )}
          {registration.client.postcode ? `, ${registration.client.postcode}` : ''}
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Aangemeld op</DataListKey>
        <DataListValue>
          <DateText value={registration.registeredOn} /> ({registration.waitingDays === 0 ? 'vandaag' : `${days(registration.waitingDays)} geleden`})
        </DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Melder</DataListKey>
        <DataListValue>{registration.referrerOther ? `${referrer}: ${registration.referrerOther}` : referrer}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Team</DataListKey>
        <DataListValue>{registration.teamName}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Vastgelegd door</DataListKey>
        <DataListValue>{registration.createdByName}</DataListValue>
      </DataListItem>
      <DataListItem>
        <DataListKey>Vraag van de bewoner</DataListKey>
        <DataListValue multiline>
          <span className="kt-pre-line">{registration.question}</span>
        </DataListValue>
      </DataListItem>
    </DataList>
  );
}
