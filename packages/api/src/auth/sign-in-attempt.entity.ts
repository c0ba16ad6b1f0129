import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Failed sign-ins, kept for the throttling window: per account (a hash of the
 * normalised email, so the table holds no address) and per client address.
 */
@Entity('sign_in_failures')
@Index('sign_in_failures_account_idx', ['accountKey', 'at'])
@Index('sign_in_failures_address_idx', ['address', 'at'])
export class SignInFailure {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id: string;

  @Column({ name: 'account_key', type: 'bytea' })
  accountKey: Buffer;

  @Column({ type: 'varchar', length: 64 })
  address: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
