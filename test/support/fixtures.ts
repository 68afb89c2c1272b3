// GENERATED, do not edit by hand: the Stripe fixture objects of ../shared/fixtures/stripe/*.json,
// embedded verbatim so browser tests can import them (the test server serves only this repository).
// For each of account, balance, balance_transaction, charge, login_link, payout, refund, transfer,
// a Node one-liner wrote `/** <name>.json */ export const <name> = <the file's text>;`.
// Regenerate the same way when the fixtures change. Tests must treat these as read-only
// (structuredClone before mutating).

/** account.json */
export const account = {
  "business_profile": {
    "annual_revenue": {
      "amount": null,
      "currency": null,
      "fiscal_year_end": null
    },
    "estimated_worker_count": null,
    "mcc": null,
    "name": null,
    "product_description": null,
    "support_address": {
      "city": null,
      "country": null,
      "line1": null,
      "line2": null,
      "postal_code": null,
      "state": null
    },
    "support_email": null,
    "support_phone": null,
    "support_url": null,
    "url": null,
    "minority_owned_business_designation": null
  },
  "business_type": null,
  "capabilities": {
    "card_payments": "active",
    "transfers": "active"
  },
  "charges_enabled": false,
  "controller": {
    "type": "account"
  },
  "country": "US",
  "created": 1234567890,
  "default_currency": "usd",
  "details_submitted": false,
  "email": "site@stripe.com",
  "external_accounts": {
    "data": [],
    "has_more": false,
    "object": "list",
    "url": "/v1/accounts/acct_1PgafTB7WZ01zgkW/external_accounts"
  },
  "future_requirements": {
    "alternatives": [],
    "current_deadline": null,
    "currently_due": [],
    "disabled_reason": null,
    "errors": [],
    "eventually_due": [],
    "past_due": [],
    "pending_verification": []
  },
  "id": "acct_1PgafTB7WZ01zgkW",
  "metadata": {},
  "object": "account",
  "payouts_enabled": false,
  "requirements": {
    "alternatives": [],
    "current_deadline": null,
    "currently_due": [
      "business_profile.product_description",
      "business_profile.support_phone",
      "business_profile.url",
      "external_account",
      "tos_acceptance.date",
      "tos_acceptance.ip"
    ],
    "disabled_reason": "requirements.past_due",
    "errors": [],
    "eventually_due": [
      "business_profile.product_description",
      "business_profile.support_phone",
      "business_profile.url",
      "external_account",
      "tos_acceptance.date",
      "tos_acceptance.ip"
    ],
    "past_due": [],
    "pending_verification": []
  },
  "settings": {
    "bacs_debit_payments": {
      "display_name": null,
      "service_user_number": null
    },
    "branding": {
      "icon": null,
      "logo": null,
      "primary_color": null,
      "secondary_color": null
    },
    "card_issuing": {
      "tos_acceptance": {
        "date": null,
        "ip": null
      }
    },
    "card_payments": {
      "decline_on": {
        "avs_failure": true,
        "cvc_failure": true
      },
      "statement_descriptor_prefix": null,
      "statement_descriptor_prefix_kana": null,
      "statement_descriptor_prefix_kanji": null
    },
    "dashboard": {
      "display_name": null,
      "timezone": "Etc/UTC"
    },
    "invoices": {
      "default_account_tax_ids": null,
      "hosted_payment_method_save": null
    },
    "payments": {
      "statement_descriptor": null,
      "statement_descriptor_kana": null,
      "statement_descriptor_kanji": null,
      "statement_descriptor_prefix_kana": null,
      "statement_descriptor_prefix_kanji": null
    },
    "payouts": {
      "debit_negative_balances": true,
      "schedule": {
        "delay_days": 2,
        "interval": "daily"
      },
      "statement_descriptor": null
    },
    "sepa_debit_payments": {}
  },
  "tos_acceptance": {
    "date": null,
    "ip": null,
    "user_agent": null
  },
  "type": "standard"
};

/** balance.json */
export const balance = {
  "available": [
    {
      "amount": 0,
      "currency": "usd",
      "source_types": {
        "card": 0
      }
    }
  ],
  "connect_reserved": [
    {
      "amount": 0,
      "currency": "usd"
    }
  ],
  "livemode": false,
  "object": "balance",
  "pending": [
    {
      "amount": 0,
      "currency": "usd",
      "source_types": {
        "card": 0
      }
    }
  ]
};

/** balance_transaction.json */
export const balance_transaction = {
  "amount": 100,
  "available_on": 1234567890,
  "created": 1234567890,
  "currency": "usd",
  "description": "My First Test Charge (created for API docs)",
  "exchange_rate": null,
  "fee": 0,
  "fee_details": [],
  "id": "txn_1PgaxNB7WZ01zgkWEV3TLf40",
  "net": 100,
  "object": "balance_transaction",
  "reporting_category": "charge",
  "source": "ch_1PgafuB7WZ01zgkWXYmPNZs8",
  "status": "available",
  "type": "charge",
  "balance_type": "payments"
};

/** charge.json */
export const charge = {
  "amount": 100,
  "amount_captured": 0,
  "amount_refunded": 0,
  "application": null,
  "application_fee": null,
  "application_fee_amount": null,
  "balance_transaction": "txn_1PgaxNB7WZ01zgkWEV3TLf40",
  "billing_details": {
    "address": {
      "city": null,
      "country": null,
      "line1": null,
      "line2": null,
      "postal_code": null,
      "state": null
    },
    "email": null,
    "name": "Jenny Rosen",
    "phone": null,
    "tax_id": null
  },
  "calculated_statement_descriptor": null,
  "captured": false,
  "created": 1234567890,
  "currency": "usd",
  "customer": null,
  "description": "My First Test Charge (created for API docs)",
  "disputed": false,
  "failure_balance_transaction": null,
  "failure_code": null,
  "failure_message": null,
  "fraud_details": {},
  "id": "ch_1PgafuB7WZ01zgkWXYmPNZs8",
  "livemode": false,
  "metadata": {},
  "object": "charge",
  "on_behalf_of": null,
  "outcome": {
    "advice_code": null,
    "network_advice_code": null,
    "network_decline_code": null,
    "network_status": null,
    "reason": null,
    "seller_message": null,
    "type": "type"
  },
  "paid": true,
  "payment_intent": null,
  "payment_method": "card_1PgaftB7WZ01zgkWm3waTcFp",
  "payment_method_details": {
    "card": {
      "amount_authorized": null,
      "brand": "visa",
      "checks": {
        "address_line1_check": null,
        "address_postal_code_check": null,
        "cvc_check": "pass"
      },
      "country": "US",
      "exp_month": 8,
      "exp_year": 2030,
      "extended_authorization": {
        "status": "disabled"
      },
      "fingerprint": "AOB934RVNwzk6xtn",
      "funding": "credit",
      "incremental_authorization": {
        "status": "unavailable"
      },
      "installments": {
        "plan": {
          "count": null,
          "interval": null,
          "type": "fixed_count"
        }
      },
      "last4": "4242",
      "mandate": null,
      "multicapture": {
        "status": "unavailable"
      },
      "network": "visa",
      "network_token": {
        "used": false
      },
      "overcapture": {
        "maximum_amount_capturable": 100,
        "status": "unavailable"
      },
      "three_d_secure": {
        "authentication_flow": null,
        "electronic_commerce_indicator": null,
        "exemption_indicator": null,
        "result": null,
        "result_reason": null,
        "transaction_id": null,
        "version": null
      },
      "wallet": {
        "dynamic_last4": null,
        "type": "link"
      },
      "authorization_code": null,
      "regulated_status": null,
      "network_transaction_id": null,
      "transaction_link_id": null
    },
    "type": "card"
  },
  "receipt_email": null,
  "receipt_number": null,
  "receipt_url": "https://sangeekp-15t6ai--manage-mydev.dev.stripe.me/receipts/payment/CAcaFwoVYWNjdF8xUGdhZlRCN1daMDF6Z2tXKI_ei7UGMgZv2S_KfiY6LCJrxC7awazgQA9I88krZKw5uuCkZ5Nup2tomEtAbSpdfzjVZHO3ZYP5KFZP",
  "refunded": false,
  "refunds": {
    "data": [],
    "has_more": false,
    "object": "list",
    "url": "/v1/charges/ch_1PgafuB7WZ01zgkWXYmPNZs8/refunds"
  },
  "review": null,
  "shipping": {},
  "source_transfer": null,
  "statement_descriptor": null,
  "statement_descriptor_suffix": null,
  "status": "succeeded",
  "transfer_data": {
    "amount": null,
    "destination": {
      "id": "obj_123",
      "object": "account"
    }
  },
  "transfer_group": null,
  "source": {
    "allow_redisplay": null,
    "amount": null,
    "client_secret": "client_secret",
    "created": 1028554472,
    "currency": null,
    "flow": "flow",
    "id": "obj_123",
    "livemode": true,
    "metadata": null,
    "object": "source",
    "owner": {
      "address": {
        "city": null,
        "country": null,
        "line1": null,
        "line2": null,
        "postal_code": null,
        "state": null
      },
      "email": null,
      "name": null,
      "phone": null,
      "verified_address": {
        "city": null,
        "country": null,
        "line1": null,
        "line2": null,
        "postal_code": null,
        "state": null
      },
      "verified_email": null,
      "verified_name": null,
      "verified_phone": null
    },
    "statement_descriptor": null,
    "status": "status",
    "type": "ach_credit_transfer",
    "usage": null
  }
};

/** login_link.json */
export const login_link = {
  "created": 1234567890,
  "object": "login_link",
  "url": "https://sangeekp-15t6ai--manage-mydev.dev.stripe.me/express/acct_1PgafTB7WZ01zgkW/ehJImT2clfHr"
};

/** payout.json */
export const payout = {
  "amount": 1100,
  "application_fee": null,
  "application_fee_amount": null,
  "arrival_date": 1234567890,
  "automatic": true,
  "balance_transaction": "txn_1PgaxNB7WZ01zgkWEV3TLf40",
  "created": 1234567890,
  "currency": "usd",
  "description": "STRIPE PAYOUT",
  "destination": "ba_1Pgc79B7WZ01zgkWoU5vBiXt",
  "failure_balance_transaction": null,
  "failure_code": null,
  "failure_message": null,
  "id": "po_1Pgc79B7WZ01zgkWu1KToYf4",
  "livemode": false,
  "metadata": {},
  "method": "standard",
  "object": "payout",
  "original_payout": null,
  "reconciliation_status": "completed",
  "reversed_by": null,
  "source_type": "card",
  "statement_descriptor": null,
  "status": "in_transit",
  "type": "bank_account",
  "trace_id": {
    "status": "status",
    "value": null
  },
  "payout_method": null
};

/** refund.json */
export const refund = {
  "amount": 100,
  "balance_transaction": null,
  "charge": "ch_1PgafuB7WZ01zgkWXYmPNZs8",
  "created": 1234567890,
  "currency": "usd",
  "destination_details": {
    "card": {
      "type": "reversal"
    },
    "type": "card"
  },
  "id": "re_1Pgc72B7WZ01zgkWqPvrRrPE",
  "metadata": {},
  "object": "refund",
  "payment_intent": null,
  "reason": null,
  "receipt_number": null,
  "source_transfer_reversal": null,
  "status": "succeeded",
  "transfer_reversal": null,
  "customer": null,
  "customer_account": null,
  "payment_method": null
};

/** transfer.json */
export const transfer = {
  "amount": 1100,
  "amount_reversed": 0,
  "balance_transaction": "txn_1PgaxNB7WZ01zgkWEV3TLf40",
  "created": 1234567890,
  "currency": "usd",
  "description": null,
  "destination": "acct_1PgafTB7WZ01zgkW",
  "destination_payment": "py_QXhWZR8SdWquhf",
  "id": "tr_1Pgc7BB7WZ01zgkWVJfE40RX",
  "livemode": false,
  "metadata": {},
  "object": "transfer",
  "reversals": {
    "data": [],
    "has_more": false,
    "object": "list",
    "url": "/v1/transfers/tr_1Pgc7BB7WZ01zgkWVJfE40RX/reversals"
  },
  "reversed": false,
  "source_transaction": null,
  "source_type": "card",
  "transfer_group": null
};

