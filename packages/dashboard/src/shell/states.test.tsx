import { CombinedGraphQLErrors } from '@apollo/client';
import { fireEvent, render, screen } from '@testing-library/react';
import { EmptyState, ErrorState, LoadingState } from './states';

describe('states', () => {
  it('announces loading politely', () => {
    render(<LoadingState label="Loading supervision figures" />);
    expect(screen.getByRole('status').textContent).toBe('Loading supervision figures…');
  });

  it('gives an empty state a heading, an explanation and an action', () => {
    render(
      <EmptyState title="No staff yet" action={<a href="/imports">Import staff</a>}>
        <p>Import your staff list to see supervision coverage.</p>
      </EmptyState>,
    );
    expect(screen.getByRole('heading', { level: 2, name: 'No staff yet' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Import staff' })).toBeTruthy();
  });

  it('words an error by its code and offers to try again', () => {
    const onRetry = jest.fn();
    const forbidden = new CombinedGraphQLErrors({
      data: null,
      errors: [{ message: 'Forbidden', extensions: { code: 'FORBIDDEN' } }],
    });
    render(<ErrorState error={forbidden} onRetry={onRetry} headingLevel={3} />);
    const alert = screen.getByRole('alert');
    expect(
      screen.getByRole('heading', { level: 3, name: 'You do not have access to this' }),
    ).toBeTruthy();
    expect(alert.textContent).not.toContain('Forbidden');
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
  });
});
