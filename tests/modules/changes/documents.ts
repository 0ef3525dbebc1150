/** The GraphQL documents the change feed's tests send. */

export const CHANGES = /* GraphQL */ `
  query Changes($since: String, $entities: [RecordEntity!], $first: Int) {
    changes(since: $since, entities: $entities, first: $first) {
      changes {
        cursor
        entity
        action
        recordId
        version
        committedAt
        fields
        previous
        reason
        actor {
          name
          organization {
            id
          }
        }
      }
      cursor
      hasMore
    }
  }
`;

export const LATEST_CURSOR = /* GraphQL */ `
  query LatestCursor {
    latestChangeCursor
  }
`;

export const RECORD_DONATION = /* GraphQL */ `
  mutation RecordDonation($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      ... on RecordDonationSuccess {
        donation {
          id
          version
          status
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const RECORD_DISBURSEMENT = /* GraphQL */ `
  mutation RecordDisbursement($input: RecordDisbursementInput!) {
    recordDisbursement(input: $input) {
      ... on RecordDisbursementSuccess {
        donation {
          id
          version
          status
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const CORRECT_DONATION = /* GraphQL */ `
  mutation CorrectDonation($input: CorrectDonationInput!) {
    correctDonation(input: $input) {
      ... on CorrectDonationSuccess {
        donation {
          id
          version
          status
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const CANCEL_DONATION = /* GraphQL */ `
  mutation CancelDonation($input: CancelDonationInput!) {
    cancelDonation(input: $input) {
      ... on CancelDonationSuccess {
        donation {
          id
          version
          status
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const VERIFY_DONATION = /* GraphQL */ `
  mutation VerifyDonation($input: VerifyDonationInput!) {
    verifyDonation(input: $input) {
      ... on VerifyDonationSuccess {
        donation {
          id
          version
          status
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const UPSERT_PROJECT = /* GraphQL */ `
  mutation UpsertProject($input: UpsertProjectInput!) {
    upsertProject(input: $input) {
      ... on UpsertProjectSuccess {
        project {
          id
          version
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const SUBMIT_PROJECT_REPORT = /* GraphQL */ `
  mutation SubmitProjectReport($input: SubmitProjectReportInput!) {
    submitProjectReport(input: $input) {
      ... on SubmitProjectReportSuccess {
        report {
          id
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const RECORD_TRAINING_SESSION = /* GraphQL */ `
  mutation RecordTrainingSession($input: RecordTrainingSessionInput!) {
    recordTrainingSession(input: $input) {
      ... on RecordTrainingSessionSuccess {
        trainingSession {
          id
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;

export const RECORD_GOVERNANCE_METRIC = /* GraphQL */ `
  mutation RecordGovernanceMetric($input: RecordGovernanceMetricInput!) {
    recordGovernanceMetric(input: $input) {
      ... on RecordGovernanceMetricSuccess {
        metric {
          id
        }
      }
      ... on UserError {
        code
        field
        message
      }
    }
  }
`;
