CREATE TABLE customers (
  id serial PRIMARY KEY,
  name text NOT NULL,
  company text,
  password_hash text NOT NULL,
  stripe_customer_id text,
  created_at timestamptz NOT NULL DEFAULT now()
);
