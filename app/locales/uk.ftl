# Ukrainian. Every key of en.ftl exists here too (a test checks).
# Product and plan names are data and stay as they are.

## Messages without values.

app-name = Портал підтримки
nav-plans = Тарифні плани
nav-dashboard = Моя компанія
nav-sign-in = Увійти
sign-out = Вийти
sign-out-everywhere = Завершити мої сеанси на всіх пристроях
nav-main = Основне
signed-in-as = Ви увійшли як
role-admin = адміністратор постачальника
account-title = Ваш обліковий запис
account-name = Ім’я
account-company = Компанія
account-role = Роль
account-password-title = Пароль
account-password-how = Щоб змінити пароль, запросіть посилання для скидання: його буде надіслано на вашу адресу, і воно спрацює лише один раз.
account-password-link = Надіслати посилання для скидання пароля
account-sessions-title = Сеанси
account-sessions-how = Ви увійшли на пристрої, яким більше не користуєтеся? Завершіть усі сеанси, зокрема й цей.
login-title = Вхід
login-intro = Увійдіть як контактна особа вашої компанії з питань підтримки.
login-email = Електронна пошта
login-password = Пароль
login-submit = Увійти
login-signed-out = Ви вийшли з системи.
err-not-signed-in = Увійдіть, щоб продовжити.
err-invalid-credentials = Неправильна електронна адреса або пароль.
err-not-found = Не знайдено.
err-email = Введіть правильну адресу електронної пошти.
err-password-short = Виберіть пароль щонайменше з 12 символів.
err-password-long = Виберіть коротший пароль (не більше 1024 байтів).
err-password-common = Цей пароль надто поширений; виберіть інший.
err-required = Заповніть усі поля.
err-name-taken = Цю назву щойно зайняли; назви, що відрізняються лише великими літерами чи пробілами, вважаються однаковими. Оновіть сторінку, щоб її побачити.
err-email-taken = Ця електронна адреса належить іншому обліковому запису.
err-date = Введіть дату у форматі РРРР-ММ-ДД.
err-invoice-number = Введіть номер рахунку так, як його надруковано в рахунку, наприклад INV-2026-000042.
err-billing-emails = Вкажіть від однієї до п’яти адрес електронної пошти для рахунків, розділяючи їх комами.
err-iban = Цей IBAN недійсний: перевірте літери й цифри (наприклад, DE89 3704 0044 0532 0130 00).
err-bic = BIC складається з 8 або 11 літер і цифр, наприклад COBADEFFXXX.
err-country = Введіть дволітерний код країни, наприклад DE або UA.
err-payment-terms = Термін оплати — це кількість днів від 0 до 365.
err-vat-rate = Введіть ставку ПДВ у відсотках від 0 до 100, наприклад 20 або 7.5.
err-paid-in-future = Дата оплати не може бути в майбутньому.
err-already-paid = Цей рахунок уже позначено як оплачений; оновіть список.
err-paid-before-issue = Дата оплати не може бути раніше за дату виставлення рахунку.
err-price-in-past = Нова ціна не може набувати чинності в минулому: на чинні ціни посилаються договори.
err-price-exists = Для цього продукту вже є ціна з цього дня; записи цін ніколи не перезаписуються.
err-price-in-force = Відкликати можна лише ціну, яка ще не набула чинності; на чинні ціни посилаються договори.
err-percent = Введіть відсоток від 0 до 100 цифрами, не більше ніж із двома знаками після крапки або коми, наприклад 20 або 12.5.
err-price = Введіть ціну цифрами, не більше ніж із двома знаками після крапки або коми, наприклад 900.00 або 900,00 (без знака, експоненти та нулів на початку).
err-version = Введіть версію як числа, розділені крапками, наприклад 7.12.1.
invitation-subject = Ваш обліковий запис на Порталі підтримки
reset-subject = Скидання пароля на Порталі підтримки
answered-subject = На ваш запит на консультацію надійшла відповідь
area-other = Інше (поза тематиками підтримки, наприклад налаштування локальної мережі чи ОС)
err-request-closed = Цей запит закрито; створіть новий.
err-forbidden = Ця сторінка доступна лише працівникам постачальника.
err-link-invalid = Це посилання вже недійсне (посилання спрацьовують лише один раз і мають обмежений строк дії). Запросіть нове.
err-bad-request = Запит не вдалося розпізнати.
err-stale-quote = Ціни змінилися після показу цього розрахунку вартості: перегляньте новий розрахунок.
err-empty-order = Виберіть принаймні одну ліцензію для додавання.
err-contracts-changed = Ваші договори змінилися під час оформлення цього замовлення; оновіть сторінку, щоб їх побачити, і отримайте новий розрахунок вартості.
err-order-in-flight = Це замовлення саме оформлюється; за мить оновіть сторінку, щоб його побачити.
err-try-again = Ця зміна конфліктує з іншою, внесеною в той самий момент; оновіть сторінку та спробуйте ще раз.
err-contact-changed = Контактну особу компанії змінили в той самий момент; оновіть сторінку, щоб побачити, хто нею є тепер.
dashboard-holdings = Продукти та ліцензії
dashboard-filter = Фільтр продуктів
dashboard-filter-placeholder = Введіть назву продукту
dashboard-no-match = Жоден продукт не відповідає фільтру.
dashboard-no-holdings = Ваша компанія ще не має ліцензій.
col-product = Продукт
col-quantity = Ліцензії
col-installed = Встановлена версія
col-latest = Остання версія
update-available = Доступне оновлення
up-to-date = Актуальна версія
sort-by = Сортувати за
total-licenses = Усього ліцензій
contract-title = Договір підтримки
contract-plan = Тарифний план
contract-period = Період
contract-days-left = Залишилося днів
contract-renewed-until = Продовжено: підтримка діє до
no-active-support = Немає активної підтримки.
contract-lapsed-on = Ваш останній договір закінчився
contract-starts-on = Діє з
plans-title = Тарифні плани
plans-intro = Вартість підтримки — це відсоток від загальної вартості ваших ліцензій на рік; підтримка охоплює всі ваші продукти.
plans-price = Ціна (від загальної вартості ліцензій, на рік)
plans-patches = Критичні оновлення та виправлення для поточної версії
plans-new-versions = Нові версії продуктів (безкоштовні ліцензії на оновлення версії)
plans-response = Цільовий час першої відповіді
plans-eligibility = Кому доступний
plans-any-customer = Будь-який клієнт
plans-consultation = Консультації
yes = Так
no = Ні
loading = Завантаження…
page-not-found = Сторінку не знайдено.
nav-orders = Замовлення
your-prices = Ціни на основі ваших ліцензій
your-license-total = Загальна вартість ваших ліцензій за прайс-листом
current-plan = Ваш поточний план
not-available = Недоступно
choose-plan = Вибрати
buy-support-title = Придбати підтримку
renew-title = Продовжити підтримку
support-intro = Підтримка охоплює всі ваші продукти й купується на цілі роки. Виберіть тарифний план і строк, щоб побачити розрахунок вартості.
field-plan = Тарифний план
field-years = Кількість років
show-quote = Розрахувати вартість
confirm-order = Підтвердити замовлення
quote-title = Розрахунок вартості
quote-signing-date = Ціни на дату
quote-licenses = Ліцензії
quote-support = Підтримка
quote-basis = Ліцензії, на основі яких розраховано вартість підтримки
quote-total = Разом
col-version = Версія
col-qty = Кількість
col-unit-price = Ціна за одиницю
col-price-from = Ціна за прайс-листом з
col-amount = Сума
add-licenses-title = Додати ліцензії
add-licenses-intro = Ліцензії продаються лише разом із підтримкою (R1): у межах вашого чинного договору або з новим договором.
support-with-active = Розширити мій чинний договір
support-with-new = Придбати новий договір підтримки
field-support = Підтримка для доданих ліцензій
owned = у власності
updates-title = Оновлення версій
updates-intro = Поки ваш тарифний план включає нові версії, перехід на останню версію безкоштовний (R4).
update-to = Оновити до
orders-title = Замовлення та рахунки
no-orders = Замовлень ще немає.
order-title = Замовлення
invoice-title = Рахунок
invoice-issued = Дата виставлення
invoice-due = Сплатити до
invoice-status = Статус
paid = Оплачено
unpaid = Не оплачено
print-invoice = Версія рахунку для друку
download-pdf = Завантажити рахунок (PDF)
invoice-number-label = Номер рахунку
invoice-order = Замовлення
invoice-payment-reference = Призначення платежу
invoice-seller = Постачальник
invoice-buyer = Платник
invoice-registration = Реєстраційний номер
invoice-vat-number = Номер платника ПДВ
invoice-country = Країна
invoice-subtotal = Разом без ПДВ
invoice-total = Усього до сплати
invoice-payment = Оплата
invoice-iban = IBAN
invoice-bic = BIC
invoice-bank = Банк
invoice-overdue = Прострочено
field-legal-name = Юридична назва
field-address = Адреса
field-billing-emails = Адреси електронної пошти для рахунків
field-vat-note = Примітка щодо ПДВ (друкується в рахунку)
field-footer = Текст унизу рахунку
field-bank-reference = Банківський референс
field-paid-on = Дата оплати
field-payment-terms = Термін оплати (днів)
field-vat-rate = Ставка ПДВ (%)
company-title = Компанія та платіжні реквізити
nav-company = Платіжні реквізити
company-intro = Рахунки виставляються на ці реквізити й надсилаються на адреси для рахунків. Зміни застосовуються до рахунків, виставлених відтепер; уже виставлені рахунки зберігають реквізити, з якими їх було виставлено.
no-billing-details = Платіжних реквізитів ще немає: у рахунках зазначається лише назва вашої компанії, і вони надходять на вашу власну адресу.
save-billing = Зберегти платіжні реквізити
vendor-title = Реквізити постачальника
vendor-intro = Продавець, зазначений у кожному рахунку. Збереження створює нову версію, чинну для рахунків, виставлених відтепер; уже виставлені рахунки зберігають версію, з якою їх було виставлено.
save-vendor = Зберегти реквізити постачальника
invoices-title = Рахунки
filter-unpaid = Неоплачені
filter-overdue = Прострочені
filter-paid = Оплачені
filter-all = Усі
no-invoices = Немає відповідних рахунків.
in-force-since = Діє з
jobs-title = Листи та нагадування
jobs-intro = Кожен лист, який надсилає портал, — це завдання: його надсилають одразу, якщо це можливо, повторюють із дедалі довшими паузами, якщо поштовий сервер відмовляє, а після десяти невдалих спроб позначають статусом «Помилка».
job-queued = У черзі
job-running = Виконується
job-done = Надіслано
job-failed = Помилка
no-jobs = Немає відповідних завдань.
col-job = Завдання
col-run-at = Заплановано на
col-attempts = Спроби
col-last-error = Остання помилка
retry-job = Спробувати ще раз
err-job-not-failed = Повторити можна лише завдання зі статусом «Помилка»; оновіть список.
col-date = Дата
col-what = Що
col-by = Хто
col-invoice = Рахунок
col-description = Опис
col-detail = Обчислення
contract-change = Договір
history-title = Історія
no-history = Поки що нічого не відбувалося.
renew-now = Продовжити зараз
actions-title = Що ви можете зробити
go-plans = Порівняти плани та ціни
go-support-new = Придбати підтримку
go-support-renew = Продовжити підтримку
go-licenses = Додати ліцензії
go-updates = Оновлення версій
go-orders = Замовлення та рахунки
go-history = Історія
go-updates-fix = Перейти до оновлень версій
go-renewal = Продовжити або змінити план
nav-requests = Запити
requests-title = Запити на консультацію
requests-intro = Звертайтеся до служби підтримки постачальника з питань, які охоплює ваш тарифний план (R5).
new-request = Новий запит
field-area = Тематика
field-subject = Тема
field-description = Опис
file-request = Надіслати запит
no-requests = Запитів ще немає.
request-title = Запит
request-status = Статус
request-filed = Подано
request-target = Цільовий час відповіді
request-due = Термін першої відповіді
target-met = Дотримано
target-missed = Не дотримано
target-pending = Очікується
reply = Відповісти
send = Надіслати
close-request = Закрити запит
vendor = Служба підтримки
invite-title = Установіть пароль
invite-intro = Виберіть пароль щонайменше з 12 символів, щоб завершити створення облікового запису.
new-password = Новий пароль
save-password = Зберегти пароль
reset-title = Скидання пароля
reset-intro = Введіть свою електронну адресу — ми надішлемо посилання для встановлення нового пароля.
reset-send = Надіслати посилання
reset-sent = Якщо ця адреса належить обліковому запису, посилання вже надіслано. Воно спрацює лише один раз протягом 2 годин.
forgot-password = Забули пароль?
go-requests = Запити на консультацію
admin-title = Адміністрування
admin-home = Огляд
work-title = Справи на сьогодні
work-renewals = Продовження в найближчі 90 днів
work-no-renewals = У найближчі 90 днів підтримка не закінчується в жодної компанії.
work-overdue = Прострочені рахунки
work-no-overdue = Прострочених рахунків немає.
work-requests = Запити, що очікують відповіді, за терміном
work-no-requests = Немає запитів, що очікують відповіді.
work-recent-orders = Останні замовлення
work-no-orders = Замовлень ще немає.
overdue = прострочено
col-days-left = Залишилося днів
col-days-overdue = Днів прострочення
col-due = Термін
col-subject = Тема
sort-name = Назва
sort-licenses = Ліцензії (спершу найбільше)
sort-support-end = Підтримка діє до (спершу найближчі)
admin-companies = Компанії
admin-catalog = Каталог і ціни
admin-plans = Тарифні плани
admin-queue = Черга запитів
admin-audit = Журнал аудиту
search = Пошук
previous = Попередня
next = Наступна
create-company = Створити компанію
field-company-name = Назва компанії
field-contact-name = Ім’я контактної особи
field-contact-email = Електронна пошта контактної особи
invitation-link = Запрошення надіслано. Посилання (спрацює один раз, діє 72 години):
col-contact = Контактна особа
col-support-end = Підтримка діє до
contacts-title = Контактна особа (R3)
assign-contact = Призначити цю особу контактною
assign-contact-title = Замінити контактну особу
assign-contact-confirm = Я розумію: поточна контактна особа одразу втратить доступ, а новій буде надіслано запрошення.
end-sessions = Завершити всі сеанси контактної особи
end-sessions-title = Вийти з облікового запису контактної особи
end-sessions-confirm = Я розумію: контактну особу буде виведено із системи на всіх пристроях, і їй доведеться ввійти знову.
licenses-title = Ліцензії
grant-licenses-title = Надати ліцензії (безкоштовно)
record-update-title = Зафіксувати оновлення версії
nothing-to-update = Усі продукти вже мають останню версію.
col-kind = Тип
col-total = Разом
col-status = Статус
no-orders-yet = Замовлень ще немає.
no-exceptions = Винятків не зафіксовано.
active = активний
disabled = вимкнений
invited = запрошений, пароль ще не встановлено
grant-licenses = Надати ліцензії
record-update = Зафіксувати оновлення до останньої версії
exceptions-title = Договірні винятки (R5)
record-exception = Зафіксувати виняток
revoke = Скасувати
revoked = скасовано
mark-paid = Позначити як оплачений
record-payment = Зафіксувати оплату
field-product = Продукт
field-price = Ціна
field-valid-from = Діє з
field-version = Версія
add-product = Додати продукт
declare-version = Оголосити версію
add-price = Додати ціну
withdraw = Відкликати
in-force = чинна або минула
save-plan = Зберегти план
field-percent = Відсоток від загальної вартості ліцензій на рік
field-min-licenses = Мінімальна кількість ліцензій (R2)
field-response = Цільовий час відповіді
field-response-unit = Одиниця цільового часу відповіді
business-days = робочі дні
business-hours = робочі години
plan-note = Зміни застосовуються до нових розрахунків вартості; підписані договори зберігають свої умови.
filter = Фільтрувати
field-actor = Виконавець
field-kind = Тип
field-from = Від
field-to = До
any = будь-який
col-company = Компанія
saved = Збережено.

## Messages with values. Numbers select plural forms; days arrive already written the
## language's way.

product-name-taken = Продукт із назвою «{ $existing }» уже існує; назви, що відрізняються лише великими літерами чи пробілами, вважаються однаковими.
company-name-taken = Компанія з назвою «{ $existing }» уже існує; назви, що відрізняються лише великими літерами чи пробілами, вважаються однаковими.
response-target-range = Цільовий час відповіді має бути від 1 до { $max_days }, якщо його вказано в робочих днях, або від 1 до { $max_hours }, якщо в робочих годинах.
too-long = { $field }: максимальна кількість символів — { $max }.
unreadable-characters = Поле «{ $field }» містить невидимі або нечитабельні символи; введіть значення ще раз.
quantity-range = Введіть кількість ліцензій від 1 до { $max }.
too-many-attempts = Забагато спроб. Зачекайте { $minutes ->
        [one] { $minutes } хвилину
        [few] { $minutes } хвилини
        [many] { $minutes } хвилин
       *[other] { $minutes } хвилини
    } і спробуйте ще раз.
internal-error = На нашому боці сталася помилка. Спробуйте ще раз.
internal-error-reference = На нашому боці сталася помилка. Спробуйте ще раз; якщо помилка повторюватиметься, повідомте нам код { $reference }.
unavailable = Портал зараз дуже завантажений; спробуйте ще раз через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунди
        [many] { $seconds } секунд
       *[other] { $seconds } секунди
    }.
min-licenses = Компанії, що мають від { $n ->
        [one] { $n } ліцензії
        [few] { $n } ліцензій
        [many] { $n } ліцензій
       *[other] { $n } ліцензії
    }
response-target-days = { $amount ->
        [one] { $amount } робочий день
        [few] { $amount } робочі дні
        [many] { $amount } робочих днів
       *[other] { $amount } робочого дня
    }
response-target-hours = { $amount ->
        [one] { $amount } робоча година
        [few] { $amount } робочі години
        [many] { $amount } робочих годин
       *[other] { $amount } робочої години
    }
quote-tax = Додатково ПДВ { $rate }: { $tax }. Загальна сума рахунку — { $total }.
invoice-tax = ПДВ { $rate }
invoice-pay-by = Просимо перерахувати { $total } до { $due }, зазначивши в призначенні платежу { $reference }.
service-period-term = Період обслуговування { $start } – { $end }
service-period-extension = Період обслуговування { $from } – { $new_end }: додано { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } (R8), тепер підтримка діє до { $new_end }
invoice-paid-on = Оплачено { $day }
page-of = Сторінка { $page } з { $pages }
invoice-mail-subject = Рахунок { $number }
invoice-mail =
    Доброго дня!

    Дякуємо за замовлення. Рахунок { $number } на суму { $total } зі строком оплати до { $due } додано до цього листа у форматі PDF. Ви також можете завантажити його на порталі в розділі «Замовлення».
renewal-reminder-subject = Ваша підтримка закінчується { $end }: продовжте її вчасно
renewal-reminder-subject-lapsed = Ваша підтримка закінчилася { $end }: продовжте її, щоб знову отримувати підтримку
renewal-reminder-mail =
    Доброго дня, { $name }!

    Підтримка вашої компанії за тарифним планом { $plan } закінчується { $end }.
    Перегляньте розрахунок вартості та продовжте підтримку тут:

    { $link }
renewal-reminder-mail-lapsed =
    Доброго дня, { $name }!

    Підтримка вашої компанії за тарифним планом { $plan } закінчилася { $end }; доки ви її не продовжите, підтримка не надається.
    Перегляньте розрахунок вартості та продовжте підтримку тут:

    { $link }
renewal-reminder-price = Продовження плану { $plan } на один рік коштує { $price }.
overdue-reminder-subject = Нагадування: рахунок { $number } прострочено
overdue-reminder-mail =
    Доброго дня!

    Рахунок { $number } на суму { $total } потрібно було сплатити до { $due }, але його ще не оплачено. Просимо перерахувати кошти, зазначивши в призначенні платежу { $number }. Якщо ви щойно здійснили оплату, проігноруйте цей лист. Рахунок:

    { $link }
order-kind-new-support = Новий договір підтримки
order-kind-renewal = Продовження підтримки
order-kind-add-licenses = Додаткові ліцензії
years = { $n ->
        [one] { $n } рік
        [few] { $n } роки
        [many] { $n } років
       *[other] { $n } року
    }
renewal-due = Ваша підтримка закінчується через { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    }.
contract-change-new = Новий договір: { $start } – { $end } (R10).
contract-change-renewal = Продовження після поточної дати закінчення { $previous_end }: { $start } – { $end } (R10).
contract-change-renewal-lapsed = Строк дії вашого договору закінчився { $previous_end }; продовження діє в період { $start } – { $end } (R10).
contract-change-extended = R8: дата закінчення договору переноситься на ceil(365 × { $years } × { $added } / ({ $owned } + { $added })) = { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    }: { $old_end } → { $new_end }.
contract-change-move = Ваше підписане продовження за планом { $plan } переноситься на { $days ->
        [one] { $days } день
        [few] { $days } дні
        [many] { $days } днів
       *[other] { $days } дня
    } пізніше: { $from_start } – { $from_end } → { $to_start } – { $to_end }.
licenses-from-start = Ваша підтримка починається { $start }; з цього дня до неї можна буде додавати ліцензії (R1).
licenses-join-current = Ваша підтримка діє до { $covered_until }, тож нові ліцензії буде додано до вашого чинного договору (R1). Щоб змінити тарифний план, продовжте підтримку на сторінці тарифних планів.
support-formula = { $percent } × { $license_total } × { $years } = { $exact } → { $amount } (округлено до сотих, 0,5 — вгору)
end-date-change = Дата закінчення { $before } → { $after }
end-date = Закінчується { $after }
invitation-mail =
    Доброго дня, { $name }!

    Тепер ви контактна особа вашої компанії з питань підтримки на Порталі підтримки.
    Установіть пароль за цим посиланням (воно спрацює лише один раз протягом 72 годин):

    { $link }
reset-mail =
    Доброго дня, { $name }!

    Хтось запросив скидання вашого пароля на Порталі підтримки. Якщо це були ви,
    виберіть новий пароль за цим посиланням (воно спрацює лише один раз протягом 2 годин):

    { $link }

    Якщо це були не ви, просто проігноруйте цей лист.
answered-mail =
    Доброго дня, { $name }!

    На ваш запит «{ $subject }» надійшла відповідь:

    { $link }

## Rule refusals (SPEC R1–R11): each starts with its rule id and says how to go on.

rule-r1-support-required = R1: Ліцензії можна придбати лише разом із підтримкою: скористайтеся чинним договором або додайте до цього замовлення новий тарифний план.
rule-r1-contract-not-active = R1: Ваш договір підтримки (з { $start } по { $end }) сьогодні не діє, тому не може охопити нові ліцензії; додайте до цього замовлення новий тарифний план.
rule-r1-contract-not-started = R1: Ваш договір підтримки починає діяти { $start }; з цього дня до нього можна буде додавати ліцензії.
rule-r1-coverage-exists-in-force = R1: Ваш договір за планом { $plan } чинний, і підтримка діє до { $coverage_end }, тому придбати другий договір паралельно з ним не можна. Натомість додайте ці ліцензії до чинного договору або змініть тарифний план під час продовження.
rule-r1-coverage-exists-later = R1: Ваш договір за планом { $plan } підписано з пізнішою датою початку, і підтримка діє до { $coverage_end }, тому придбати другий договір паралельно з ним не можна. Ліцензії можна буде додавати до нього, щойно він почне діяти; тарифний план змінюється під час продовження.
rule-r2-too-few-licenses = R2: Мінімальна кількість ліцензій для плану { $plan } — { $required }, а у вашої компанії — { $owned }. Придбайте щонайменше ще { $missing ->
        [one] { $missing } ліцензію
        [few] { $missing } ліцензії
        [many] { $missing } ліцензій
       *[other] { $missing } ліцензії
    } разом із підтримкою за планом { $plan } або виберіть інший план.
rule-r2-too-few-licenses-after-order = R2: Мінімальна кількість ліцензій для плану { $plan } — { $required }, а після цього замовлення у вашої компанії буде { $owned }. Додайте до замовлення щонайменше ще { $missing ->
        [one] { $missing } ліцензію
        [few] { $missing } ліцензії
        [many] { $missing } ліцензій
       *[other] { $missing } ліцензії
    } або виберіть інший план.
rule-r3-not-company-contact = R3: Користуватися клієнтською частиною порталу може лише контактна особа вашої компанії; попросіть постачальника перепризначити роль контактної особи.
rule-r4-no-active-contract = R4: Оновити продукт { $product } до нової версії можна лише за наявності чинного договору підтримки; спочатку придбайте або продовжте підтримку.
rule-r4-plan-excludes-new-versions = R4: Ваш тарифний план { $plan } не включає нових версій продуктів, тому продукт { $product } не можна оновити безкоштовно; план, що включає нові версії, можна вибрати під час продовження.
rule-r4-already-on-latest = R4: Продукт { $product } уже має останню версію — { $version }.
rule-r5-no-active-contract = R5: Для запитів на консультацію потрібен чинний договір підтримки; спочатку придбайте або продовжте підтримку.
rule-r5-area-not-covered = R5: Ваш тарифний план { $plan } не охоплює консультацій з тематики «{ $area }»; план, що її охоплює, можна вибрати під час продовження.
rule-r5-out-of-scope = R5: Консультації поза тематиками підтримки (наприклад, налаштування локальної мережі чи операційної системи) не входять до підтримки; для них потрібен договірний виняток, який може оформити ваш постачальник.
rule-r6-term-under-one-year = R6: Підтримку купують на цілу кількість років, щонайменше на 1 рік; ви вказали: { $requested }.
rule-r6-term-too-long = R6: Підтримку продають на цілу кількість років, від 1 до { $max } за один раз; ви вказали: { $requested }.
rule-r6-subset-of-products = R6: Підтримка завжди охоплює всі продукти вашої компанії; у цьому запиті пропущено: { $missing }.
rule-r6-no-licenses = R6: Підтримка охоплює всі ліцензії вашої компанії, а ваша компанія ще не має жодної; придбайте ліцензії разом із тарифним планом.
rule-r7-outdated-versions = R7: Підтримку можна придбати лише тоді, коли всі ліцензії мають останню версію продукту; спочатку оновіть: { $steps }.
rule-r7-step = { $product } з версії { $current } до { $latest }
rule-r11-conflicting-resubmission = R11: Це замовлення вже було надіслано з іншими даними; оновіть сторінку, щоб побачити результат.
# Joins a list: "A and B", "A, B and C" ({ $init } is "A, B").
list-and = { $init } та { $last }

## Consultation areas (SPEC "Support plans"), as rows of the plan matrix and in refusals.

area-deployment-and-adjusting = Розгортання та налаштування системи
area-version-update = Оновлення версії
area-functional-features = Функціональні можливості продукту
area-reports-plugins-scripts = Створення звітів, плагінів, скриптів
area-database-and-integration = Структура бази даних та інтеграція зі сторонніми застосунками
area-out-of-scope = Теми поза підтримкою (наприклад, налаштування локальної мережі чи операційної системи)

## The language switcher.

language-switcher = Мова

## Invoices, mail and the language switcher.

invoice-list-price-from = ціна за прайс-листом від { $from }
invoice-line-licenses = { $product }: ліцензії, версія { $version }
invoice-line-support = Підтримка { $plan }, { $years_text }: { $percent } × { $license_total } × { $years }
history-new-support = Замовлено новий договір підтримки
history-renewal = Підтримку продовжено
history-add-licenses = Додано ліцензії
history-consultation-filed = Подано запит на консультацію
history-consultation-closed = Запит на консультацію закрито
history-version-update = Ліцензії оновлено до нової версії
history-billing-details-changed = Платіжні реквізити змінено
history-signed-out-everywhere = Вихід виконано на всіх пристроях
history-contact-assigned = Контактну особу змінено
history-sessions-ended = Сеанси контактної особи завершено
history-licenses-granted = Постачальник надав ліцензії
history-exception-recorded = Зафіксовано договірний виняток
history-exception-revoked = Договірний виняток скасовано
history-invoice-paid = Зафіксовано оплату рахунку
history-contracts-repaired = Виправлено періоди договорів, що перетиналися

## Integrations (issue 17): API tokens, webhooks, CSV.

secret-shown-once = Скопіюйте його зараз: він показується лише один раз.
tokens-title = API-токени
tokens-intro = Персональні токени доступу дають змогу іншій системі (вашій ERP чи CRM) користуватися API порталу за адресою /api/v1 від вашого імені. Токен для читання показує записи; токен для запису також надає ліцензії й оголошує версії.
field-token-name = Назва токена
field-token-scope = Доступ
token-scope-read = Читання
token-scope-write = Читання й запис
field-token-days = Діє (днів)
create-token = Створити токен
token-expires = Діє до
token-last-used = Востаннє використано
token-never-used = ще не використовувався
col-actions = Дії
token-days-range = Токен діє від 1 до { $max } днів.
field-webhook-url = URL кінцевої точки
integrations-title = Інтеграції
integrations-api = Інші системи читають і змінюють дані порталу через його API, описаний тут:
import-title = Імпорт із CSV
import-intro = Один рядок на позицію ліцензій разом із компанією та контактною особою і, за потреби, одним із договорів компанії. Спершу перевірте файл: нічого не записується, доки ви не застосуєте імпорт, а файл із бодай одним відхиленим рядком не записує нічого. Повторний імпорт того самого файлу нічого не змінює. Стовпці:
import-file = Вміст CSV-файлу
import-dry-run = Перевірити
import-apply = Імпортувати
import-applied = Імпортовано.
import-would = Перевірка не знайшла помилок. Імпорт зробить таке:
import-refused = Імпортувати неможливо: спершу виправте ці рядки.
import-counts = Рядків: { $rows }. Створено компаній: { $companies }, контактних осіб: { $contacts }; позицій ліцензій створено: { $holdings_created }, змінено: { $holdings_changed }; підписано договорів: { $contracts }; рядків без змін: { $unchanged }.
import-line = Рядок
import-field = Поле
import-reason = Причина
import-too-large = Файл завеликий: імпортуйте не більше ніж { $max } МБ за раз.
import-header = Перший рядок має містити назви стовпців: { $header }
import-unreadable = Цей рядок не вдається прочитати: { $reason }
import-unknown-product = Продукту «{ $product }» немає.
import-version-undeclared = Ця версія новіша за останню версію продукту ({ $latest }): спершу оголосіть її в каталозі.
import-contact-differs = Контактна особа цієї компанії відрізняється від зазначеної в рядку { $line }.
import-contact-exists = Контактна особа компанії — { $email } (R3: одна контактна особа на компанію). Змініть контактну особу на сторінці компанії.
import-product-twice = Цей продукт для цієї компанії вже є в рядку { $line }.
import-plan = Тарифний план має бути basic, standard або premium, з датами початку й закінчення; або залиште всі три поля порожніми.
import-end-before-start = Договір закінчується раніше, ніж починається.
import-overlap = Цей договір перетинається з іншим договором компанії (R1: два договори не можуть охоплювати той самий день).
export-title = Експорт у CSV
webhooks-title = Вебхуки
webhooks-intro = Портал надсилає події на ці адреси з підписом секретом кінцевої точки (HMAC-SHA256 мітки часу й тіла в заголовку Portal-Signature) і повторює спроби зі зростаючими паузами, доки одержувач не відповість кодом 2xx.
field-webhook-events = Події (через кому)
add-webhook = Додати кінцеву точку
remove-webhook = Видалити
webhook-removed = видалено
webhook-event = Подія
webhook-events = Виберіть події з-поміж: { $events }.
err-webhook-url = Введіть адресу, що починається з http:// або https://.

## Second factor (issue 20)
err-second-factor-required = Для сторінок адміністрування потрібен другий фактор. Спершу налаштуйте застосунок-автентифікатор або ключ доступу.
err-wrong-code = Цей код неправильний або вже використаний. Введіть код, який застосунок показує зараз, або один зі своїх кодів відновлення.
err-confirm-first = Щоб змінити налаштування другого фактора, спершу підтвердьте, що це ви: введіть поточний код (або ввійдіть знову за допомогою ключа доступу).
err-passkeys-unavailable = За цією адресою порталу ключі доступу використовувати не можна.
err-passkey-start-again = Додавання ключа доступу тривало надто довго. Почніть спочатку.
err-passkey-refused = Ключ доступу не вдалося перевірити, тому його не збережено. Спробуйте ще раз.
err-authenticator-exists = Застосунок-автентифікатор уже налаштовано. Щоб налаштувати інший, спершу видаліть поточний.
err-authenticator-start-again = Налаштування застосунку тривало надто довго. Почніть спочатку.
err-admin-keeps-a-factor = Адміністратори повинні мати другий фактор: перш ніж видалити цей, додайте інший.
err-recovery-needs-app = Коди відновлення видаються разом із застосунком-автентифікатором: спершу налаштуйте його.
code-title = Другий крок: ваш код
code-intro = Введіть 6-значний код, який показує ваш застосунок-автентифікатор.
code-expired = Спершу увійдіть за допомогою електронної пошти й пароля (другий крок доступний протягом 5 хвилин).
field-code = Код із застосунку або код відновлення
code-submit = Продовжити
code-recovery-hint = Загубили телефон? Натомість введіть один зі своїх кодів відновлення: кожен спрацює лише один раз.
code-start-over = Увійти знову
passkey-sign-in = Увійти за допомогою ключа доступу
passkey-sign-in-failed = Не вдалося ввійти за допомогою ключа доступу. Спробуйте ще раз або скористайтеся паролем.
passkey-needs-js = Для ключів доступу потрібен JavaScript, а в цьому браузері його вимкнено. Вхід за паролем і кодом і далі працює.
security-title = Безпека: другий фактор
security-intro = Другий фактор захищає ваш обліковий запис, навіть якщо хтось дізнається ваш пароль: це код із застосунку-автентифікатора на вашому телефоні або ключ доступу (passkey).
security-required = Для сторінок адміністрування потрібен другий фактор. Налаштуйте нижче застосунок-автентифікатор або ключ доступу, а потім перейдіть до сторінок адміністрування.
security-signed-in-with = Спосіб входу в цьому сеансі:
security-back = Повернутися до облікового запису
method-password = лише пароль
method-password-code = пароль і код із застосунку-автентифікатора
method-password-recovery = пароль і код відновлення
method-passkey = ключ доступу
confirm-title = Підтвердьте, що це ви
confirm-intro = Для зміни налаштувань другого фактора потрібен поточний код. Введіть код, який показує застосунок, або код відновлення.
confirm-submit = Підтвердити
confirm-passkey = Для зміни налаштувань другого фактора потрібен нещодавній вхід за допомогою ключа доступу: вийдіть і знову ввійдіть за допомогою ключа доступу.
recovery-title = Ваші коди відновлення
recovery-shown-once = Збережіть ці коди зараз у надійному місці: їх показано лише цей один раз. Якщо ви загубите телефон, кожен код дасть змогу ввійти один раз.
recovery-left = { $count ->
        [one] Залишився { $count } невикористаний код відновлення.
        [few] Залишилося { $count } невикористані коди відновлення.
        [many] Залишилося { $count } невикористаних кодів відновлення.
       *[other] Залишилося { $count } невикористаного коду відновлення.
    }
recovery-renew = Створити нові коди відновлення
authenticator-title = Застосунок-автентифікатор
authenticator-on = Застосунок-автентифікатор налаштовано.
authenticator-off = Застосунок-автентифікатор не налаштовано.
authenticator-start = Налаштувати застосунок-автентифікатор
authenticator-scan = Відскануйте цей QR-код своїм застосунком-автентифікатором (наприклад, Google Authenticator, Microsoft Authenticator або 1Password) або введіть у нього ключ, наведений нижче.
authenticator-type = Потім введіть 6-значний код, який покаже застосунок.
authenticator-secret = Ключ:
field-app-code = Код із застосунку
authenticator-confirm = Підтвердити й увімкнути
authenticator-remove = Видалити застосунок-автентифікатор
passkeys-title = Ключі доступу
passkeys-intro = Ключ доступу (passkey) дає змогу входити за допомогою блокування екрана вашого пристрою або ключа безпеки, без пароля й коду. Він зараховується як обидва фактори.
field-passkey-name = Назва ключа доступу
passkey-added = Додано
passkey-remove = Видалити
passkey-add = Додати ключ доступу
passkey-default-name = Ключ доступу
passkey-add-failed = Ключ доступу не додано. Спробуйте ще раз.
passkey-unsupported = Цей браузер не підтримує ключі доступу.
passkeys-unavailable = Ключі доступу працюють, лише коли портал відкрито за доменним іменем.
account-security-how = Захистіть вхід до облікового запису за допомогою застосунку-автентифікатора або ключа доступу.
account-security-link = Керувати другим фактором
reset-factor-title = Скинути другий фактор
reset-factor-how = Для контактної особи, яка загубила телефон або ключ доступу: видаляє її застосунок-автентифікатор, коди відновлення й ключі доступу та завершує її сеанси. Після цього вона зможе ввійти за паролем і налаштувати новий другий фактор.
reset-factor-confirm = Так, скинути другий фактор цієї контактної особи
reset-factor = Скинути другий фактор
history-second-factor-reset = Постачальник скинув другий фактор
history-authenticator-added = Налаштовано застосунок-автентифікатор
history-authenticator-removed = Застосунок-автентифікатор видалено
history-recovery-codes-replaced = Створено нові коди відновлення
history-recovery-code-used = Для входу використано код відновлення
history-passkey-added = Додано ключ доступу
history-passkey-removed = Ключ доступу видалено
