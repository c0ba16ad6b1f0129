import { render, screen } from '@testing-library/react';
import { FigureCard } from './figure-card';

describe('FigureCard', () => {
  it('shows the value, the numbers behind it and the definition one click away', () => {
    render(
      <FigureCard
        as="div"
        id="coverage"
        label="Supervision coverage"
        value="84.4%"
        basis="38 of 45 people in date"
        definition="People in date for supervision as a share of everyone who needs it."
      />,
    );
    const card = screen.getByRole('heading', { name: 'Supervision coverage' });
    expect(card).toBeTruthy();
    expect(screen.getByText('84.4%')).toBeTruthy();
    expect(screen.getByText('38 of 45 people in date')).toBeTruthy();
    const details = screen.getByText('What this means').closest('details');
    expect(details?.open).toBe(false);
    expect(details?.textContent).toContain('People in date for supervision');
  });

  it('reads "—" out as "No figure" and gives the reason', () => {
    render(
      <FigureCard
        as="div"
        id="x"
        label="Absence rate"
        value="—"
        definition="d"
        note="No one was in post."
      />,
    );
    expect(screen.getByText('No figure')).toBeTruthy();
    expect(screen.getByText('No one was in post.')).toBeTruthy();
  });

  it('never shows a number for a hidden figure', () => {
    render(
      <FigureCard
        as="div"
        id="x"
        label="Turnover"
        value="12.5%"
        basis="1 of 8"
        definition="d"
        hidden={{
          text: 'Not shown: fewer than 5 people',
          explanation: 'So that no one can be identified.',
        }}
      />,
    );
    expect(screen.getByText('Not shown: fewer than 5 people')).toBeTruthy();
    expect(screen.queryByText('12.5%')).toBeNull();
    expect(screen.queryByText('1 of 8')).toBeNull();
  });
});
