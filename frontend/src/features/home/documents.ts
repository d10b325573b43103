import { graphql } from '../../gql';

/**
 * The home of someone outside the council (the person, a carer, an
 * advocate): who they are, the council's contacts, and the plans in force
 * they hold, each with what they may see of it. Nothing gated: the plan's
 * content comes with HomePlanQuery, asking only for the sections they have.
 */
export const OwnHomeQuery = graphql(`
  query OwnHome {
    me {
      roles
      today
      account {
        id
        displayName
      }
      authority {
        id
        name
        contactPhone
        contactEmail
      }
    }
    plans(first: 10, where: { statusIn: [AGREED, ACTIVE, UNDER_REVIEW] }, orderBy: { field: VERSION, direction: DESC }) {
      edges {
        node {
          id
          version
          status
          person {
            id
          }
          viewerAccess {
            section
            allowed
            basis
            codedOnly
            withheldFromPerson
          }
        }
      }
    }
  }
`);

/**
 * One plan in the words of its holder: each section asked for only when
 * the viewer may see it, so nothing comes back withheld.
 */
export const HomePlanQuery = graphql(`
  query HomePlan(
    $id: ID!
    $from: Time!
    $contact: Boolean!
    $involvement: Boolean!
    $outcomes: Boolean!
    $visits: Boolean!
    $workerSupport: Boolean!
    $otherSupport: Boolean!
    $risks: Boolean!
    $review: Boolean!
  ) {
    node(id: $id) {
      id
      ... on Plan {
        version
        status
        agreedAt
        commencedAt
        plannedStart @include(if: $visits)
        plannedEnd @include(if: $visits)
        visitFrequency @include(if: $visits)
        visitDurationMinutes @include(if: $visits)
        workerTasks @include(if: $workerSupport)
        fluctuatingNeeds @include(if: $workerSupport)
        otherSupport @include(if: $otherSupport)
        noOtherSupport @include(if: $otherSupport)
        reviewFrequency @include(if: $review)
        firstReviewDue @include(if: $review)
        person {
          id
          preferredName @include(if: $contact)
          team @include(if: $involvement) {
            id
            name
            phone
          }
          allocatedPractitioner @include(if: $involvement) {
            id
            displayName
          }
        }
        outcomes(first: 50) @include(if: $outcomes) {
          edges {
            node {
              id
              statement
              targetDate
              achievement
              steps {
                id
                description
                status
                position
              }
            }
          }
        }
        risks @include(if: $risks) {
          id
          kind
          description
          strategy
          contingencies {
            id
            measures
            trigger
            whoActs
          }
        }
        reviews @include(if: $review) {
          id
          kind
          requestedBy
          reason
          decision
          decisionReason
          due
          heldAt
          result
          resultNotes
          createdAt
        }
        amendments @include(if: $involvement) {
          id
          requestedBy
          details
          decision
          decisionReason
          decidedAt
          createdAt
        }
      }
    }
    visits(first: 5, where: { planID: $id, startsAtGTE: $from, statusNotIn: [CANCELLED] }, orderBy: { field: STARTS_AT, direction: ASC }) @include(if: $visits) {
      edges {
        node {
          id
          startsAt
          durationMinutes
          status
          worker {
            id
            displayName
          }
        }
      }
    }
  }
`);

/** The person, a carer or an advocate asks for an unplanned review (R12). */
export const AskForReviewMutation = graphql(`
  mutation AskForReview($input: CreateReviewInput!) {
    requestReview(input: $input) {
      id
    }
  }
`);

/** The person, a carer or an advocate asks for a change to the plan (R25). */
export const AskForChangeMutation = graphql(`
  mutation AskForChange($input: CreateAmendmentInput!) {
    requestAmendment(input: $input) {
      id
    }
  }
`);

/** Who has seen a person's record, grouped by who and by day. */
export const AccessDaysQuery = graphql(`
  query AccessDays($personID: ID!, $days: Int!) {
    me {
      today
      account {
        id
      }
    }
    node(id: $personID) {
      id
      ... on Person {
        accessHistory(days: $days) {
          day
          viewerID
          viewerName
          viewerRoles
          bases
          sections
          views
          changes
          visits
          flagged
          first
          last
        }
      }
    }
  }
`);

/** The council's complaints route. */
export const ComplaintsQuery = graphql(`
  query Complaints {
    me {
      roles
      authority {
        id
        name
        contactPhone
        complaintsPhone
        complaintsEmail
        complaintsURL
      }
    }
  }
`);

/** A team manager's home: the team's caseload, allocation waiting, reviews and concerns (issue 13). */
export const TeamHomeQuery = graphql(`
  query TeamHome {
    me {
      today
      account {
        id
        displayName
        managedTeams {
          id
          name
        }
      }
    }
    caseload: people(first: 0) {
      totalCount
    }
    active: plans(first: 0, where: { statusIn: [ACTIVE, UNDER_REVIEW] }) {
      totalCount
    }
    drafts: plans(first: 0, where: { status: DRAFT }) {
      totalCount
    }
    waiting: people(first: 25, where: { allocatedPractitionerIDIsNil: true }, orderBy: { field: CREATED_AT, direction: ASC }) {
      totalCount
      edges {
        node {
          id
          preferredName
          createdAt
        }
      }
    }
    dueList(withinDays: 7) {
      reviews {
        id
        kind
        due
        decision
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      firstReviewsDue {
        id
        firstReviewDue
        person {
          id
          preferredName
        }
      }
      amendmentRequests {
        id
        createdAt
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      safeguardingConcerns {
        id
        kind
        createdAt
        visit {
          id
          plan {
            id
            person {
              id
              preferredName
            }
          }
        }
      }
    }
  }
`);

/** A registered manager's home: the service's day, risks to workers, training against people (R31, R32). */
export const ServiceHomeQuery = graphql(`
  query ServiceHome {
    me {
      today
      account {
        id
        displayName
        services {
          id
          name
        }
      }
    }
    serviceDay {
      date
      late {
        id
        startsAt
        durationMinutes
        status
        worker {
          id
          displayName
        }
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      missed {
        id
        startsAt
        durationMinutes
        status
        worker {
          id
          displayName
        }
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      inProgress {
        id
        startsAt
        durationMinutes
        status
        worker {
          id
          displayName
        }
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      done {
        id
        startsAt
        durationMinutes
        status
        worker {
          id
          displayName
        }
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      other {
        id
        startsAt
        durationMinutes
        status
        worker {
          id
          displayName
        }
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
      trainingGaps {
        missing
        visit {
          id
          startsAt
          durationMinutes
          status
          worker {
            id
            displayName
          }
          plan {
            id
            person {
              id
              preferredName
            }
          }
        }
      }
    }
    dueList(withinDays: 7) {
      workerRisksToConfirm {
        id
        category
        description
        strategy
        plan {
          id
          person {
            id
            preferredName
          }
        }
      }
    }
  }
`);
