import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * A person who signs in. Users are global (one person, several organisations);
 * what they may see is decided by their memberships, one per organisation.
 */
@Entity('users')
export class User {
  @PrimaryColumn('uuid')
  id: string;

  /** Stored lower-cased and trimmed; unique. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ name: 'display_name', type: 'varchar', length: 200 })
  displayName: string;

  /** Argon2id encoded hash (never the password). Null for an invited user who has not set one. */
  @Column({ name: 'password_hash', type: 'varchar', length: 200, nullable: true })
  passwordHash: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
