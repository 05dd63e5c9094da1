package dev.mci.simulator.tenant;

import java.util.List;

/** Word lists the generator draws from. All names and domains are fictional. */
final class Names {

  private Names() {}

  static final String COMPANY = "Acme Corp";
  static final String PRIMARY_DOMAIN = "acme-corp.example";
  static final String SECONDARY_DOMAIN = "acme-labs.example";

  /** Lookalikes of {@code acme-corp}; one is picked per seed. */
  static final List<String> LOOKALIKE_STEMS =
      List.of("acme-c0rp", "acrne-corp", "acme-corp-payments", "acmecorp-inc", "acme-cop");

  static final List<String> FIRST_NAMES =
      List.of(
          "Margaret",
          "David",
          "Priya",
          "James",
          "Olivia",
          "Mohammed",
          "Sofia",
          "Daniel",
          "Aisha",
          "Thomas",
          "Elena",
          "Kwame",
          "Hannah",
          "Lucas",
          "Mei",
          "Samuel",
          "Fatima",
          "Noah",
          "Ingrid",
          "Carlos",
          "Grace",
          "Ravi",
          "Chloe",
          "Benjamin",
          "Yuki",
          "Patrick",
          "Amara",
          "Henry",
          "Zara",
          "Oliver",
          "Lena",
          "Mateo",
          "Nadia",
          "George",
          "Isla",
          "Viktor",
          "Emma",
          "Arjun",
          "Ruth",
          "Felix",
          "Leila",
          "Jonas",
          "Clara",
          "Ethan",
          "Maya",
          "Omar",
          "Julia",
          "Simon",
          "Anika",
          "Hugo",
          "Tessa",
          "Ibrahim",
          "Rosa",
          "Adam",
          "Freya",
          "Dmitri",
          "Bianca",
          "Kenji",
          "Laura",
          "Tomas");

  static final List<String> LAST_NAMES =
      List.of(
          "Chen",
          "Okafor",
          "Patel",
          "Lindqvist",
          "Garcia",
          "Nguyen",
          "Schmidt",
          "O'Brien",
          "Haddad",
          "Kowalski",
          "Rossi",
          "Mensah",
          "Andersson",
          "Dubois",
          "Tanaka",
          "Murphy",
          "Silva",
          "Kaur",
          "Novak",
          "Jensen",
          "Fischer",
          "Ahmed",
          "Moreau",
          "Walsh",
          "Ivanova",
          "Costa",
          "Brennan",
          "Yamamoto",
          "Oduya",
          "Larsen",
          "Weber",
          "Hughes",
          "Romero",
          "Bauer",
          "Kim",
          "Ferreira",
          "Sato",
          "Byrne",
          "Mwangi",
          "Nilsen",
          "Varga",
          "Quinn",
          "Reyes",
          "Holm",
          "Abbott",
          "Fontaine",
          "Das",
          "Keller",
          "Marsh",
          "Ortiz",
          "Petrov",
          "Shah",
          "Turner",
          "Vance",
          "Wright",
          "Young",
          "Zimmer",
          "Ellis",
          "Foster",
          "Grant");

  static final List<String> DEPARTMENTS =
      List.of(
          "Finance",
          "Engineering",
          "Sales",
          "Marketing",
          "Human Resources",
          "Legal",
          "IT",
          "Operations",
          "Customer Support",
          "Procurement",
          "Research");

  static final List<String> TITLES =
      List.of(
          "Analyst",
          "Manager",
          "Specialist",
          "Coordinator",
          "Senior Associate",
          "Director",
          "Team Lead",
          "Associate",
          "Consultant",
          "Administrator");

  /** External organisations: domain stem, brand and kind. */
  record External(String stem, String brand, Domain.Kind kind, int weight) {}

  static final List<External> EXTERNALS =
      List.of(
          new External("northwind-supply", "Northwind Supply", Domain.Kind.VENDOR, 6),
          new External("globex-logistics", "Globex Logistics", Domain.Kind.VENDOR, 5),
          new External("initech-billing", "Initech", Domain.Kind.VENDOR, 4),
          new External("umbrella-office", "Umbrella Office Supplies", Domain.Kind.VENDOR, 3),
          new External("stark-components", "Stark Components", Domain.Kind.VENDOR, 3),
          new External("wayne-freight", "Wayne Freight", Domain.Kind.VENDOR, 2),
          new External("contoso-partners", "Contoso", Domain.Kind.PARTNER, 6),
          new External("fabrikam-consulting", "Fabrikam Consulting", Domain.Kind.PARTNER, 5),
          new External("tailspin-ventures", "Tailspin Ventures", Domain.Kind.PARTNER, 3),
          new External("litware-legal", "Litware Legal LLP", Domain.Kind.PARTNER, 3),
          new External("adatum-research", "Adatum Research", Domain.Kind.PARTNER, 2),
          new External("blue-yonder-air", "Blue Yonder Airlines", Domain.Kind.PARTNER, 2),
          new External("daily-markets-news", "Daily Markets", Domain.Kind.NEWSLETTER, 5),
          new External("techbrief-weekly", "TechBrief", Domain.Kind.NEWSLETTER, 4),
          new External("hr-insights-digest", "HR Insights", Domain.Kind.NEWSLETTER, 2),
          new External("conference-hub", "Conference Hub", Domain.Kind.NEWSLETTER, 2),
          new External("cloudsuite-notify", "CloudSuite", Domain.Kind.SAAS, 6),
          new External("payroll-express", "Payroll Express", Domain.Kind.SAAS, 3),
          new External("ticketdesk-mail", "TicketDesk", Domain.Kind.SAAS, 4),
          new External("docsign-service", "DocSign", Domain.Kind.SAAS, 3),
          new External("codehost-notify", "CodeHost", Domain.Kind.SAAS, 3),
          new External("mailbox-free", "Mailbox Free", Domain.Kind.FREEMAIL, 4),
          new External("webpost-mail", "WebPost", Domain.Kind.FREEMAIL, 3),
          new External("prize-winners-club", "Prize Winners", Domain.Kind.SPAM, 2),
          new External("cheap-meds-online", "Cheap Meds", Domain.Kind.SPAM, 1),
          new External("account-verify-alerts", "Account Alerts", Domain.Kind.SPAM, 2),
          new External("crypto-yield-now", "Crypto Yield", Domain.Kind.SPAM, 1));

  static final List<String> PROJECTS =
      List.of(
          "Atlas",
          "Borealis",
          "Cobalt",
          "Delta",
          "Everest",
          "Falcon",
          "Granite",
          "Harbor",
          "Ion",
          "Juniper",
          "Keystone",
          "Lighthouse",
          "Meridian",
          "Nimbus",
          "Orion");

  static final List<String> MONTHS =
      List.of(
          "January",
          "February",
          "March",
          "April",
          "May",
          "June",
          "July",
          "August",
          "September",
          "October",
          "November",
          "December");

  static final List<String> VENDOR_SUBJECTS =
      List.of(
          "Invoice %n from %b",
          "Purchase order %n confirmation",
          "Statement of account - %m",
          "Shipment %n has been dispatched",
          "Updated price list for %m",
          "Remittance advice %n");

  static final List<String> PARTNER_SUBJECTS =
      List.of(
          "Re: %p timeline",
          "Meeting notes - %p",
          "Draft agreement for review",
          "Re: Re: %p kickoff",
          "Proposal: %p phase 2",
          "Quick question about %p");

  static final List<String> NEWSLETTER_SUBJECTS =
      List.of(
          "%b weekly digest",
          "Your %m update from %b",
          "Top stories this week",
          "Webinar invitation: %p strategy",
          "Last chance: early-bird pricing");

  static final List<String> SAAS_SUBJECTS =
      List.of(
          "Your %b password expires in 7 days",
          "New sign-in to your %b account",
          "%b: %n new notifications",
          "Your %b invoice is ready",
          "Action required: confirm your %b settings");

  static final List<String> FREEMAIL_SUBJECTS =
      List.of("Hello", "Re: catching up", "Photos from the weekend", "Job application", "Fw: FYI");

  static final List<String> SPAM_SUBJECTS =
      List.of(
          "You have won a %n gift card",
          "Final notice: your account will be suspended",
          "Guaranteed returns of %n%",
          "Cheap prescriptions, no questions asked",
          "Verify your mailbox now");

  static final List<String> INTERNAL_SUBJECTS =
      List.of(
          "Team sync notes",
          "Re: %p budget",
          "Updated: %p plan",
          "Reminder: timesheets due Friday",
          "Lunch on Thursday?",
          "%m all-hands agenda",
          "Re: Re: %p status",
          "Out of office next week");

  static final List<String> OUTBOUND_SUBJECTS =
      List.of(
          "Re: Invoice %n",
          "Proposal for %p",
          "Follow-up from our call",
          "Re: %p timeline",
          "Signed contract attached",
          "Order %n query");

  static final List<String> PHISHING_SUBJECTS =
      List.of(
          "Urgent: updated wire instructions for today's vendor payment",
          "Confidential - payment needed before end of day",
          "Quick favour - are you at your desk?");

  /** Subjects of the campaign's earlier wave; none repeats a {@link #PHISHING_SUBJECTS} entry. */
  static final List<String> EARLIER_WAVE_SUBJECTS =
      List.of(
          "Wire transfer details - please review today",
          "Invoice approval needed before 3pm",
          "Re: outstanding vendor payment",
          "Signed documents for the acquisition",
          "Payment confirmation required",
          "Updated banking details for our supplier",
          "Need a payment processed this afternoon",
          "Remittance advice - action required",
          "Confidential: transfer authorisation",
          "Please handle this payment discreetly",
          "Pending approval: international transfer",
          "Documents for your signature");

  /** Other local parts the scenario's attacker sent from, on the lookalike domain. */
  static final List<String> ATTACKER_LOCALS =
      List.of("ceo", "office", "ceo.office", "executive", "exec.assistant", "ceo-desk");

  static final List<String> SERVICE_LOCALS =
      List.of("billing", "accounts", "noreply", "notifications", "orders", "invoices", "support");

  static final List<String> NEWSLETTER_LOCALS = List.of("news", "digest", "events", "newsletter");

  static final List<String> URL_PATHS =
      List.of(
          "/account/login",
          "/invoices/view",
          "/docs/shared",
          "/news/article",
          "/events/register",
          "/support/ticket",
          "/unsubscribe",
          "/products/catalogue",
          "/reports/download",
          "/portal/home");

  /** Attachment names with their MIME type; some are hostile. */
  record AttachmentKind(
      String pattern, String contentType, int minKb, int maxKb, boolean malicious) {}

  static final List<AttachmentKind> ATTACHMENT_KINDS =
      List.of(
          new AttachmentKind("Invoice_%n.pdf", "application/pdf", 40, 400, false),
          new AttachmentKind("PO-%n.pdf", "application/pdf", 30, 250, false),
          new AttachmentKind("Statement_%m.pdf", "application/pdf", 50, 300, false),
          new AttachmentKind(
              "%p_plan.docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
              20,
              200,
              false),
          new AttachmentKind(
              "%p_budget.xlsx",
              "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 15, 150, false),
          new AttachmentKind("meeting_notes.txt", "text/plain", 2, 12, false),
          new AttachmentKind("photo_%n.jpg", "image/jpeg", 80, 900, false),
          new AttachmentKind("shipment_%n.csv", "text/csv", 3, 40, false),
          new AttachmentKind("scan_%n.zip", "application/zip", 30, 200, true),
          new AttachmentKind("Remittance_%n.pdf.html", "text/html", 2, 8, true),
          new AttachmentKind(
              "payment_advice_%n.xlsm",
              "application/vnd.ms-excel.sheet.macroEnabled.12", 30, 120, true));
}
