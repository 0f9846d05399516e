// Router links styled as Utrecht links and button links.
import { Link, type LinkProps } from 'react-router';

export function RouterLink({ className, ...props }: LinkProps) {
  return <Link {...props} className={['utrecht-link', 'utrecht-link--html-a', className].filter(Boolean).join(' ')} />;
}

export function RouterButtonLink({ className, appearance = 'secondary-action-button', ...props }: LinkProps & { appearance?: 'primary-action-button' | 'secondary-action-button' | 'subtle-button' }) {
  const variant = { 'primary-action-button': 'primary-action', 'secondary-action-button': 'secondary-action', 'subtle-button': 'subtle' }[appearance];
  return <Link {...props} className={['utrecht-button-link', 'utrecht-button-link--html-a', `utrecht-button-link--${variant}`, className].filter(Boolean).join(' ')} />;
}
