// A page with one clear message: no access, not found, a failed load.
import { Paragraph } from '@utrecht/component-library-react';
import { PageTitle } from './PageTitle';
import { RouterLink } from './links';

export function MessagePage({ title, message }: { title: string; message: string }) {
  return (
    <>
      <PageTitle title={title} />
      <Paragraph>{message}</Paragraph>
      <Paragraph>
        <RouterLink to="/">Naar de startpagina</RouterLink>
      </Paragraph>
    </>
  );
}

export function NotFoundPage() {
  return <MessagePage title="Pagina niet gevonden" message="Deze pagina bestaat niet. Misschien is de link verouderd of is het adres verkeerd getypt." />;
}
