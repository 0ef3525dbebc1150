/** A GraphiQL tab: its document and, as JSON text, its variables. */
export interface ExampleTab {
  query: string;
  variables?: string;
}

const ORGANIZATIONS = `# Organizations by name, five a page.
# For the next page, set "after" to pageInfo.endCursor.
query Organizations($after: String) {
  organizations(first: 5, after: $after) {
    totalCount
    nodes {
      id
      name
      type
      region {
        name
      }
    }
    pageInfo {
      endCursor
      hasNextPage
    }
  }
}
`;

const DONATION_SUMMARY = `# The COVID-19 donations the 2020-12-01 China Philanthropy Times
# article names, summed exactly (not one page). unsplitTotal holds
# those whose cash part the article does not give, so inKindShare is
# null. Without the filter, provenanceCounts says how many of the
# demo data's donations are generated.
query DonationSummary {
  donationSummary(filter: { provenance: [REPORTED], purpose: EPIDEMIC_RESPONSE }) {
    donationCount
    total {
      value
      currency
    }
    cash {
      value
    }
    inKind {
      value
    }
    unsplitTotal {
      value
    }
    inKindShare
    provenanceCounts {
      reported
      synthetic
    }
  }
}
`;

const DONATIONS_BY_INDUSTRY = `# The reported donations by the donor's GB/T 4754 industry
# section, largest total first.
query DonationsByIndustry {
  donationStats(groupBy: DONOR_INDUSTRY, first: 10, filter: { provenance: [REPORTED] }) {
    key
    label
    donationCount
    total {
      value
      currency
    }
    provenanceCounts {
      reported
      synthetic
    }
  }
}
`;

const BUDGET = `# Who you are (null without an API key)
# and your hourly budget after this request.
query Budget {
  viewer {
    name
    tier
  }
  rateLimit {
    limit
    cost
    remaining
    used
    resetAt
  }
}
`;

/** The tabs GraphiQL opens with on a browser that has none saved; the first is the one shown. */
export const EXAMPLE_TABS: ExampleTab[] = [
  { query: ORGANIZATIONS, variables: JSON.stringify({ after: null }, null, 2) },
  { query: DONATION_SUMMARY },
  { query: DONATIONS_BY_INDUSTRY },
  { query: BUDGET },
];
