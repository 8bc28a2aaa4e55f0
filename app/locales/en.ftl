# English: the reference language. Every key here exists in uk.ftl and ru.ftl (a test checks).
# Product and plan names are data and stay as they are.

## Messages without values.

app-name = Support Portal
nav-plans = Support plans
nav-dashboard = My company
nav-sign-in = Sign in
sign-out = Sign out
sign-out-everywhere = End my sessions on all devices
nav-main = Main
signed-in-as = Signed in as
role-admin = vendor admin
account-title = Your account
account-name = Name
account-company = Company
account-role = Role
account-password-title = Password
account-password-how = To change your password, ask for a reset link: it is mailed to your address and works once.
account-password-link = Send me a password reset link
account-sessions-title = Sessions
account-sessions-how = Signed in on a device you no longer use? End every session, this one included.
login-title = Sign in
login-intro = Sign in as your company's designated support contact.
login-email = Email
login-password = Password
login-submit = Sign in
login-signed-out = You have been signed out.
err-not-signed-in = Please sign in to continue.
err-invalid-credentials = The email or password is incorrect.
err-not-found = Not found.
err-email = Enter a valid email address.
err-password-short = Choose a password of at least 12 characters.
err-password-long = Choose a shorter password (at most 1,024 bytes).
err-password-common = That password is too common; choose another.
err-required = Fill in every field.
err-name-taken = That name was just taken; names that differ only in capitals or spaces count as the same. Reload the page to see it.
err-email-taken = That email belongs to another account.
err-date = Enter a date as YYYY-MM-DD.
err-invoice-number = Enter the invoice number as printed on the invoice, e.g. INV-2026-000042.
err-billing-emails = Give one to five billing email addresses, separated by commas.
err-iban = This IBAN is not valid: check the letters and digits (e.g. DE89 3704 0044 0532 0130 00).
err-bic = A BIC has 8 or 11 letters and digits, e.g. COBADEFFXXX.
err-country = Enter the country as its two-letter code, e.g. DE or UA.
err-payment-terms = Payment terms are a number of days from 0 to 365.
err-vat-rate = Enter the VAT rate as a percentage from 0 to 100, e.g. 20 or 7.5.
err-paid-in-future = The payment date cannot be in the future.
err-already-paid = This invoice is already marked paid; reload the list.
err-paid-before-issue = The payment date cannot be before the invoice's issue date.
err-price-in-past = A new price cannot take effect in the past: prices in force are cited by contracts.
err-price-exists = That product already has a price from that day; price entries are never overwritten.
err-price-in-force = Only a price that has not taken effect yet can be withdrawn; prices in force are cited by contracts.
err-percent = Enter a percentage from 0 to 100 in digits, with at most two decimals after a point or comma, e.g. 20 or 12.5.
err-price = Enter a price in digits, with at most two decimals after a point or comma, e.g. 900.00 or 900,00 (no sign, exponent or leading zeros).
err-version = Enter a version as numbers separated by dots, e.g. 7.12.1.
invitation-subject = Your Support Portal account
reset-subject = Reset your Support Portal password
answered-subject = Your consultation request was answered
area-other = Other (outside the support areas, e.g. LAN or OS setup)
err-request-closed = This request is closed; file a new one.
err-forbidden = This page is for vendor staff only.
err-link-invalid = This link is not valid any more (links work once and expire). Ask for a new one.
err-bad-request = The request could not be understood.
err-stale-quote = Prices changed since this quote was shown: review the new quote.
err-empty-order = Choose at least one license to add.
err-contracts-changed = Your contracts changed while this order was being placed; reload the page to see them and get a new quote.
err-order-in-flight = This order is being placed right now; reload the page in a moment to see it.
err-try-again = This change clashed with another one made at the same moment; reload the page and try again.
err-contact-changed = The company's contact was changed at the same moment; reload the page to see who it is now.
dashboard-holdings = Products and licenses
dashboard-filter = Filter products
dashboard-filter-placeholder = Type a product name
dashboard-no-match = No product matches the filter.
dashboard-no-holdings = Your company owns no licenses yet.
col-product = Product
col-quantity = Licenses
col-installed = Installed version
col-latest = Latest version
update-available = Update available
up-to-date = Up to date
sort-by = Sort by
total-licenses = Total licenses
contract-title = Support contract
contract-plan = Plan
contract-period = Period
contract-days-left = Days left
contract-renewed-until = Renewed: support until
no-active-support = No active support.
contract-lapsed-on = Your last contract ended on
contract-starts-on = Starts on
plans-title = Support plans
plans-intro = Support is priced as a percentage of your total license price, per year, for all your products.
plans-price = Price (of total license price, per year)
plans-patches = Crucial updates and patches for the current version
plans-new-versions = New product versions (free version-update licenses)
plans-response = Target first response
plans-eligibility = Eligibility
plans-any-customer = Any customer
plans-consultation = Consultation
yes = Yes
no = No
loading = Loading…
page-not-found = Page not found.
nav-orders = Orders
your-prices = Priced on your licenses
your-license-total = Total list price of your licenses
current-plan = Your current plan
not-available = Not available
choose-plan = Choose
buy-support-title = Buy support
renew-title = Renew support
support-intro = Support covers all your products, for whole years. Choose a plan and a term to see the quote.
field-plan = Plan
field-years = Years
show-quote = Show quote
confirm-order = Confirm order
quote-title = Quote
quote-signing-date = Priced on
quote-licenses = Licenses
quote-support = Support
quote-basis = Licenses the support price is based on
quote-total = Total
col-version = Version
col-qty = Quantity
col-unit-price = Unit price
col-price-from = List price from
col-amount = Amount
add-licenses-title = Add licenses
add-licenses-intro = Licenses are sold together with support (R1): with your running contract, or a new one.
support-with-active = Extend my running contract
support-with-new = Buy a new support contract
field-support = Support for the added licenses
owned = owned
updates-title = Version updates
updates-intro = While your plan includes new versions, moving to the latest version is free (R4).
update-to = Update to
orders-title = Orders and invoices
no-orders = No orders yet.
order-title = Order
invoice-title = Invoice
invoice-issued = Issue date
invoice-due = Due date
invoice-status = Status
paid = Paid
unpaid = Unpaid
print-invoice = Print-friendly invoice
download-pdf = Download the invoice (PDF)
invoice-number-label = Invoice number
invoice-order = Order
invoice-payment-reference = Payment reference
invoice-seller = From
invoice-buyer = Bill to
invoice-registration = Registration no.
invoice-vat-number = VAT no.
invoice-country = Country
invoice-subtotal = Subtotal
invoice-total = Total
invoice-payment = Payment
invoice-iban = IBAN
invoice-bic = BIC
invoice-bank = Bank
invoice-overdue = Overdue
field-legal-name = Legal name
field-address = Address
field-billing-emails = Billing email addresses
field-vat-note = Note printed with the VAT
field-footer = Invoice footer
field-bank-reference = Bank reference
field-paid-on = Paid on
field-payment-terms = Payment terms (days)
field-vat-rate = VAT rate (%)
company-title = Company and billing details
nav-company = Billing details
company-intro = Invoices are made out to these details and mailed to the billing addresses. Changes apply to invoices issued from now on; issued invoices keep the details they were issued with.
no-billing-details = No billing details yet: invoices name your company only and go to your own address.
save-billing = Save billing details
vendor-title = Vendor details
vendor-intro = The seller on every invoice. Saving makes a new version, in force for invoices issued from now on; issued invoices keep the version they were issued with.
save-vendor = Save vendor details
invoices-title = Invoices
filter-unpaid = Unpaid
filter-overdue = Overdue
filter-paid = Paid
filter-all = All
no-invoices = No invoices match.
in-force-since = In force since
jobs-title = Mail and reminders
jobs-intro = Every mail the portal sends is a job: sent right away when possible, retried with growing pauses when the mail server refuses, and marked failed after ten tries.
job-queued = Queued
job-running = Running
job-done = Sent
job-failed = Failed
no-jobs = No jobs match.
col-job = Job
col-run-at = Runs at
col-attempts = Tries
col-last-error = Last error
retry-job = Try again
err-job-not-failed = Only a failed job can be tried again; reload the list.
col-date = Date
col-what = What
col-by = By
col-invoice = Invoice
col-description = Description
col-detail = Computation
contract-change = Contract
history-title = History
no-history = Nothing has happened yet.
renew-now = Renew now
actions-title = What you can do
go-plans = Compare plans and prices
go-support-new = Buy support
go-support-renew = Renew support
go-licenses = Add licenses
go-updates = Version updates
go-orders = Orders and invoices
go-history = History
go-updates-fix = Go to version updates
go-renewal = Renew or change plan
nav-requests = Requests
requests-title = Consultation requests
requests-intro = Ask the vendor's support team about the areas your plan covers (R5).
new-request = New request
field-area = Area
field-subject = Subject
field-description = Description
file-request = Send request
no-requests = No requests yet.
request-title = Request
request-status = Status
request-filed = Filed
request-target = Response target
request-due = First answer due
target-met = Met
target-missed = Missed
target-pending = Pending
reply = Reply
send = Send
close-request = Close request
vendor = Support team
invite-title = Set your password
invite-intro = Choose a password of at least 12 characters to finish your account.
new-password = New password
save-password = Save password
reset-title = Reset your password
reset-intro = Enter your email; we send a link to choose a new password.
reset-send = Send link
reset-sent = If that email belongs to an account, a link is on its way. It works once, for 2 hours.
forgot-password = Forgot your password?
go-requests = Consultation requests
admin-title = Administration
admin-home = Overview
work-title = Today's work
work-renewals = Renewals due in the next 90 days
work-no-renewals = No coverage ends in the next 90 days.
work-overdue = Overdue invoices
work-no-overdue = No invoice is overdue.
work-requests = Requests waiting for an answer, by deadline
work-no-requests = No request is waiting for an answer.
work-recent-orders = Recent orders
work-no-orders = No orders yet.
overdue = overdue
col-days-left = Days left
col-days-overdue = Days overdue
col-due = Due
col-subject = Subject
sort-name = Name
sort-licenses = Licenses (most first)
sort-support-end = Support until (soonest first)
admin-companies = Companies
admin-catalog = Catalogue and prices
admin-plans = Plans
admin-queue = Request queue
admin-audit = Audit log
search = Search
previous = Previous
next = Next
create-company = Create company
field-company-name = Company name
field-contact-name = Contact name
field-contact-email = Contact email
invitation-link = Invitation sent. Link (works once, 72 hours):
col-contact = Contact
col-support-end = Support until
contacts-title = Contact (R3)
assign-contact = Make this person the contact
assign-contact-title = Replace the contact
assign-contact-confirm = I understand: the current contact loses access at once, and the new one is mailed an invitation.
end-sessions = End all contact sessions
end-sessions-title = Sign the contact out
end-sessions-confirm = I understand: the contact is signed out on every device and must sign in again.
licenses-title = Licenses
grant-licenses-title = Grant licenses (no charge)
record-update-title = Record a version update
nothing-to-update = Every holding is on the latest version.
col-kind = Kind
col-total = Total
col-status = Status
no-orders-yet = No orders yet.
no-exceptions = No exceptions recorded.
active = active
disabled = disabled
invited = invited, no password yet
grant-licenses = Grant licenses
record-update = Record update to latest version
exceptions-title = Contractual exceptions (R5)
record-exception = Record exception
revoke = Revoke
revoked = revoked
mark-paid = Mark paid
record-payment = Record the payment
field-product = Product
field-price = Price
field-valid-from = Valid from
field-version = Version
add-product = Add product
declare-version = Declare version
add-price = Add price
withdraw = Withdraw
in-force = in force or past
save-plan = Save plan
field-percent = Percent of license total per year
field-min-licenses = Minimum licenses (R2)
field-response = Response target
field-response-unit = Response target unit
business-days = business days
business-hours = business hours
plan-note = Changes apply to quotes from now on; signed contracts keep their terms.
filter = Filter
field-actor = Actor
field-kind = Kind
field-from = From
field-to = To
any = any
col-company = Company
saved = Saved.

## Messages with values. Numbers select plural forms; days arrive already written the
## language's way.

product-name-taken = A product named "{ $existing }" already exists; names that differ only in capitals or spaces count as the same.
company-name-taken = A company named "{ $existing }" already exists; names that differ only in capitals or spaces count as the same.
response-target-range = The response target must be 1 to { $max_days } business days, or 1 to { $max_hours } business hours.
too-long = { $field }: use at most { $max } characters.
unreadable-characters = { $field } contains invisible or unreadable characters; please retype it.
quantity-range = Enter a number of licenses from 1 to { $max }.
too-many-attempts = Too many attempts. Wait { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    } and try again.
internal-error = Something went wrong on our side. Please try again.
internal-error-reference = Something went wrong on our side. Please try again; if it keeps happening, tell us reference { $reference }.
unavailable = The portal is very busy right now; please try again in { $seconds } seconds.
min-licenses = Companies owning { $n }+ licenses
response-target-days = { $amount ->
        [one] { $amount } business day
       *[other] { $amount } business days
    }
response-target-hours = { $amount ->
        [one] { $amount } business hour
       *[other] { $amount } business hours
    }
quote-tax = Plus VAT { $rate }: { $tax }. The invoice total is { $total }.
invoice-tax = VAT { $rate }
invoice-pay-by = Please transfer { $total } by { $due }, quoting { $reference }.
service-period-term = Service period { $start } – { $end }
service-period-extension = Service period { $from } – { $new_end }: { $days ->
        [one] { $days } day
       *[other] { $days } days
    } added (R8), support now ends { $new_end }
invoice-paid-on = Paid on { $day }
page-of = Page { $page } of { $pages }
invoice-mail-subject = Invoice { $number }
invoice-mail =
    Hello,

    Thank you for your order. Invoice { $number } over { $total }, due { $due }, is attached as a PDF. You can also download it from the portal under Orders.
renewal-reminder-subject = Your support ends on { $end }: renew in time
renewal-reminder-subject-lapsed = Your support ended on { $end }: renew to be covered again
renewal-reminder-mail =
    Hello { $name },

    Your company's { $plan } support ends on { $end }.
    See the quote and renew here:

    { $link }
renewal-reminder-mail-lapsed =
    Hello { $name },

    Your company's { $plan } support ended on { $end }; until you renew, you have no support.
    See the quote and renew here:

    { $link }
renewal-reminder-price = Renewing { $plan } for one year costs { $price }.
overdue-reminder-subject = Reminder: invoice { $number } is overdue
overdue-reminder-mail =
    Hello,

    Invoice { $number } over { $total } was due on { $due } and is not paid yet. Please transfer the amount quoting { $number }, or ignore this mail if you have just paid. The invoice:

    { $link }
order-kind-new-support = New support contract
order-kind-renewal = Support renewal
order-kind-add-licenses = Additional licenses
years = { $n ->
        [one] { $n } year
       *[other] { $n } years
    }
renewal-due = Your support ends in { $days ->
        [one] { $days } day
       *[other] { $days } days
    }.
contract-change-new = New contract: { $start } – { $end } (R10).
contract-change-renewal = Renewal after the current end { $previous_end }: { $start } – { $end } (R10).
contract-change-renewal-lapsed = Your contract lapsed on { $previous_end }; the renewal runs { $start } – { $end } (R10).
contract-change-extended = R8: the contract end moves by ceil(365 × { $years } × { $added } / ({ $owned } + { $added })) = { $days ->
        [one] { $days } day
       *[other] { $days } days
    }: { $old_end } → { $new_end }.
contract-change-move = Your signed { $plan } renewal moves { $days ->
        [one] { $days } day
       *[other] { $days } days
    } later: { $from_start } – { $from_end } → { $to_start } – { $to_end }.
licenses-from-start = Your support starts on { $start }; licenses can be added under it from that day (R1).
licenses-join-current = Your support runs until { $covered_until }, so new licenses join your current contract (R1). To change plan, renew from the plans page.
support-formula = { $percent } × { $license_total } × { $years } = { $exact } → { $amount } (rounded half-up to cents)
end-date-change = End date { $before } → { $after }
end-date = Ends { $after }
invitation-mail =
    Hello { $name },

    You are now your company's support contact on the Support Portal.
    Set your password with this link (it works once, for 72 hours):

    { $link }
reset-mail =
    Hello { $name },

    Someone asked to reset your Support Portal password. If it was you,
    choose a new one with this link (it works once, for 2 hours):

    { $link }

    If it was not you, ignore this message.
answered-mail =
    Hello { $name },

    Your request "{ $subject }" has an answer:

    { $link }

## Rule refusals (SPEC R1–R11): each starts with its rule id and says how to go on.

rule-r1-support-required = R1: Licenses can only be bought together with support: use your active contract or add a new support plan to this order.
rule-r1-contract-not-active = R1: Your support contract ({ $start } to { $end }) is not active today, so it cannot cover new licenses; add a new support plan to this order.
rule-r1-contract-not-started = R1: Your support contract starts on { $start }; licenses can be added under it from that day.
rule-r1-coverage-exists-in-force = R1: Your { $plan } contract is in force and your support runs until { $coverage_end }, so a second contract cannot be bought beside it. Add these licenses under your current contract instead, or change plan with a renewal.
rule-r1-coverage-exists-later = R1: Your { $plan } contract is signed to start later and your support runs until { $coverage_end }, so a second contract cannot be bought beside it. Licenses can be added under it once it starts; plan changes come with a renewal.
rule-r2-too-few-licenses = R2: { $plan } requires { $required } or more licenses; your company owns { $owned }. Buy at least { $missing ->
        [one] { $missing } more license
       *[other] { $missing } more licenses
    } together with { $plan } support, or choose another plan.
rule-r2-too-few-licenses-after-order = R2: { $plan } requires { $required } or more licenses; your company would own { $owned } after this order. Add at least { $missing ->
        [one] { $missing } more license
       *[other] { $missing } more licenses
    } to the order, or choose another plan.
rule-r3-not-company-contact = R3: Only your company's designated contact can use the customer portal; ask your vendor to reassign the contact role.
rule-r4-no-active-contract = R4: { $product } can only be updated to a new version while a support contract is active; buy or renew support first.
rule-r4-plan-excludes-new-versions = R4: Your { $plan } plan does not include new product versions, so { $product } cannot be updated for free; a plan that includes new versions can be chosen at renewal.
rule-r4-already-on-latest = R4: { $product } is already on the latest version, { $version }.
rule-r5-no-active-contract = R5: Consultation requests need an active support contract; buy or renew support first.
rule-r5-area-not-covered = R5: Your { $plan } plan does not cover consultations in the area "{ $area }"; a plan that covers it can be chosen at renewal.
rule-r5-out-of-scope = R5: Advice outside the support areas (e.g. LAN or operating-system setup) is not part of support; it needs a contractual exception, which your vendor can arrange.
rule-r6-term-under-one-year = R6: Support is bought for whole years, 1 or more; you asked for { $requested }.
rule-r6-term-too-long = R6: Support is sold for 1 to { $max } whole years at a time; you asked for { $requested }.
rule-r6-subset-of-products = R6: Support always covers all of your company's products; this request leaves out { $missing }.
rule-r6-no-licenses = R6: Support covers all of your company's licenses, and your company owns none yet; buy licenses together with a support plan.
rule-r7-outdated-versions = R7: Support can be bought only while every license is on the product's latest version; update { $steps } first.
rule-r7-step = { $product } from { $current } to { $latest }
rule-r11-conflicting-resubmission = R11: This order was already submitted with different details; reload the page to see its outcome.
# Joins a list: "A and B", "A, B and C" ({ $init } is "A, B").
list-and = { $init } and { $last }

## Consultation areas (SPEC "Support plans"), as rows of the plan matrix and in refusals.

area-deployment-and-adjusting = System deployment and adjusting
area-version-update = Version update
area-functional-features = Product functional features
area-reports-plugins-scripts = Building reports, plug-ins, scripts
area-database-and-integration = Database structure and integration with third-party applications
area-out-of-scope = Topics outside support (e.g. LAN or operating-system setup)

## The language switcher.

language-switcher = Language

## Invoices, mail and the language switcher.

invoice-list-price-from = list price from { $from }
invoice-line-licenses = { $product } licenses, version { $version }
invoice-line-support = { $plan } support, { $years_text }: { $percent } × { $license_total } × { $years }
history-new-support = New support contract ordered
history-renewal = Support renewed
history-add-licenses = Licenses added
history-consultation-filed = Consultation request filed
history-consultation-closed = Consultation request closed
history-version-update = Licenses updated to a new version
history-billing-details-changed = Billing details changed
history-signed-out-everywhere = Signed out on every device
history-contact-assigned = Contact person changed
history-sessions-ended = The contact's sessions were ended
history-licenses-granted = Licenses granted by the vendor
history-exception-recorded = Contractual exception recorded
history-exception-revoked = Contractual exception revoked
history-invoice-paid = Invoice payment recorded
history-contracts-repaired = Overlapping contract periods corrected

## Integrations (issue 17): API tokens, webhooks, CSV.

secret-shown-once = Copy it now: it is shown only this once.
tokens-title = API tokens
tokens-intro = Personal access tokens let another system (your ERP or CRM) use the portal's API under /api/v1 as you. A read token lists records; a write token also grants licenses and declares versions.
field-token-name = Token name
field-token-scope = Access
token-scope-read = Read
token-scope-write = Read and write
field-token-days = Valid for (days)
create-token = Create token
token-expires = Expires
token-last-used = Last used
token-never-used = never
col-actions = Actions
token-days-range = A token is valid for 1 to { $max } days.
field-webhook-url = Endpoint URL
integrations-title = Integrations
integrations-api = Other systems read and write the portal through its API, described at
import-title = Import from CSV
import-intro = One row per holding, with its company and contact, and optionally one of the company's contracts. Check the file with a dry run first: nothing is written until you apply it, and a file with any refused row writes nothing. Importing the same file again changes nothing. The columns:
import-file = CSV file contents
import-dry-run = Check (dry run)
import-apply = Import
import-applied = Imported.
import-would = The check found no error. Importing would:
import-refused = Nothing can be imported: fix these rows first.
import-counts = { $rows } rows: { $companies } companies and { $contacts } contacts created, { $holdings_created } holdings created and { $holdings_changed } changed, { $contracts } contracts signed, { $unchanged } rows unchanged.
import-line = Line
import-field = Field
import-reason = Reason
import-too-large = The file is too large: import at most { $max } MB at once.
import-header = The first line must name the columns: { $header }
import-unreadable = This row cannot be read: { $reason }
import-unknown-product = There is no product named "{ $product }".
import-version-undeclared = This version is newer than the product's latest, { $latest }: declare it in the catalogue first.
import-contact-differs = This company's contact differs from the one on line { $line }.
import-contact-exists = The company's contact is { $email } (R3: one contact per company). Reassign the contact on the company's page instead.
import-product-twice = This product is on line { $line } for the same company already.
import-plan = The plan must be basic, standard or premium, with a start and an end date; or leave all three empty.
import-end-before-start = The contract ends before it starts.
import-overlap = This contract overlaps another of the company's contracts (R1: no two contracts cover the same day).
export-title = Export as CSV
webhooks-title = Webhooks
webhooks-intro = The portal posts events to these addresses, signed with the endpoint's secret (HMAC-SHA256 of the timestamp and the body, in the Portal-Signature header), and retries with growing pauses until the receiver answers 2xx.
field-webhook-events = Events (comma-separated)
add-webhook = Add endpoint
remove-webhook = Remove
webhook-removed = removed
webhook-event = Event
webhook-events = Choose events among: { $events }.
err-webhook-url = Enter an http:// or https:// address.

## Second factor (issue 20)
err-second-factor-required = Admin pages need a second factor. Set up an authenticator app or a passkey first.
err-wrong-code = That code is not right, or was already used. Enter the code your app shows now, or one of your recovery codes.
err-confirm-first = To change your second factors, first confirm it is you with a current code (or sign in again with your passkey).
err-passkeys-unavailable = Passkeys cannot be used at this portal address.
err-passkey-start-again = Adding the passkey took too long. Start again.
err-passkey-refused = The passkey could not be checked, so it was not saved. Try again.
err-authenticator-exists = An authenticator app is already set up. Remove it first to set up another.
err-authenticator-start-again = Setting up the app took too long. Start again.
err-admin-keeps-a-factor = Admins must keep a second factor: add another one before removing this one.
err-recovery-needs-app = Recovery codes come with an authenticator app: set one up first.
code-title = Second step: your code
code-intro = Enter the 6-digit code your authenticator app shows.
code-expired = Sign in with your email and password first (the second step waits 5 minutes).
field-code = Code from your app, or a recovery code
code-submit = Continue
code-recovery-hint = Lost your phone? Enter one of your recovery codes instead: each works once.
code-start-over = Sign in again
passkey-sign-in = Sign in with a passkey
passkey-sign-in-failed = Signing in with a passkey did not work. Try again, or use your password.
passkey-needs-js = Passkeys need JavaScript, which is off in this browser. Your password and code still work.
security-title = Security: second factor
security-intro = A second factor keeps your account safe even if someone learns your password: a code from an authenticator app on your phone, or a passkey.
security-required = Admin pages need a second factor. Set up an authenticator app or a passkey below, then continue to the admin pages.
security-signed-in-with = This session signed in with:
security-back = Back to your account
method-password = a password only
method-password-code = a password and an authenticator code
method-password-recovery = a password and a recovery code
method-passkey = a passkey
confirm-title = Confirm it is you
confirm-intro = Changes to your second factors need a current code. Enter the code your app shows, or a recovery code.
confirm-submit = Confirm
confirm-passkey = Changes to your second factors need a recent sign-in with your passkey: sign out and sign in again with it.
recovery-title = Your recovery codes
recovery-shown-once = Save these codes now, somewhere safe: they are shown only this once. Each one signs you in once if you lose your phone.
recovery-left = { $count ->
        [one] { $count } unused recovery code left.
       *[other] { $count } unused recovery codes left.
    }
recovery-renew = New recovery codes
authenticator-title = Authenticator app
authenticator-on = An authenticator app is set up.
authenticator-off = No authenticator app is set up.
authenticator-start = Set up an authenticator app
authenticator-scan = Scan this QR code with your authenticator app (for example Google Authenticator, Microsoft Authenticator or 1Password), or type the key below into it.
authenticator-type = Enter the 6-digit code the app then shows.
authenticator-secret = Key:
field-app-code = Code from the app
authenticator-confirm = Confirm and turn on
authenticator-remove = Remove the authenticator app
passkeys-title = Passkeys
passkeys-intro = A passkey signs you in with your device's screen lock or security key, without a password or code. It counts as both factors.
field-passkey-name = Passkey name
passkey-added = Added
passkey-remove = Remove
passkey-add = Add a passkey
passkey-default-name = Passkey
passkey-add-failed = The passkey was not added. Try again.
passkey-unsupported = This browser cannot use passkeys.
passkeys-unavailable = Passkeys work only when the portal is reached by a domain name.
account-security-how = Protect your sign-in with an authenticator app or a passkey.
account-security-link = Manage your second factor
reset-factor-title = Reset the second factor
reset-factor-how = For a contact who lost their phone or passkey: removes their authenticator app, recovery codes and passkeys, and ends their sessions. They sign in with their password and can set a new one up.
reset-factor-confirm = Yes, remove this contact's second factors
reset-factor = Reset second factor
history-second-factor-reset = Second factor reset by the vendor
history-authenticator-added = Authenticator app set up
history-authenticator-removed = Authenticator app removed
history-recovery-codes-replaced = New recovery codes made
history-recovery-code-used = Recovery code used to sign in
history-passkey-added = Passkey added
history-passkey-removed = Passkey removed
