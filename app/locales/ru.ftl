# English: the reference language. Every key here exists in uk.ftl and ru.ftl (a test checks).
# Product and plan names are data and stay as they are.

## Messages without values.

app-name = Портал поддержки
nav-plans = Тарифные планы
nav-dashboard = Моя компания
nav-sign-in = Войти
sign-out = Выйти
sign-out-everywhere = Завершить мои сеансы на всех устройствах
nav-main = Главное меню
signed-in-as = Вы вошли как
role-admin = администратор поставщика
account-title = Ваша учётная запись
account-name = Имя
account-company = Компания
account-role = Роль
account-password-title = Пароль
account-password-how = Чтобы сменить пароль, запросите ссылку для сброса: она придёт на ваш адрес электронной почты и сработает только один раз.
account-password-link = Отправить мне ссылку для сброса пароля
account-sessions-title = Сеансы
account-sessions-how = Вы вошли на устройстве, которым больше не пользуетесь? Завершите все сеансы, включая текущий.
login-title = Вход
login-intro = Войдите как назначенное контактное лицо вашей компании по вопросам поддержки.
login-email = Электронная почта
login-password = Пароль
login-submit = Войти
login-signed-out = Вы вышли из системы.
err-not-signed-in = Войдите, чтобы продолжить.
err-invalid-credentials = Неверный адрес электронной почты или пароль.
err-not-found = Не найдено.
err-email = Введите корректный адрес электронной почты.
err-password-short = Пароль должен содержать не менее 12 символов.
err-password-long = Выберите пароль покороче (не более 1024 байт).
err-password-common = Этот пароль слишком распространён; выберите другой.
err-required = Заполните все поля.
err-name-taken = Это название только что заняли; названия, отличающиеся только регистром букв или пробелами, считаются одинаковыми. Обновите страницу, чтобы его увидеть.
err-email-taken = Этот адрес электронной почты принадлежит другой учётной записи.
err-date = Введите дату в формате ГГГГ-ММ-ДД.
err-invoice-number = Введите номер счёта так, как он указан в счёте, например INV-2026-000042.
err-billing-emails = Укажите от одного до пяти адресов электронной почты для счетов через запятую.
err-iban = Недействительный IBAN: проверьте буквы и цифры (например, DE89 3704 0044 0532 0130 00).
err-bic = BIC состоит из 8 или 11 букв и цифр, например COBADEFFXXX.
err-country = Укажите страну двухбуквенным кодом, например DE или UA.
err-payment-terms = Срок оплаты — число дней от 0 до 365.
err-vat-rate = Введите ставку НДС в процентах от 0 до 100, например 20 или 7.5.
err-paid-in-future = Дата оплаты не может быть в будущем.
err-already-paid = Этот счёт уже отмечен как оплаченный; обновите список.
err-paid-before-issue = Дата оплаты не может быть раньше даты выставления счёта.
err-price-in-past = Новая цена не может вступить в силу задним числом: на действующие цены ссылаются договоры.
err-price-exists = У этого продукта уже есть цена с этой даты; записи прайс-листа никогда не перезаписываются.
err-price-in-force = Отозвать можно только цену, которая ещё не вступила в силу; на действующие цены ссылаются договоры.
err-percent = Введите процент от 0 до 100 цифрами, не более двух знаков после точки или запятой, например 20 или 12.5.
err-price = Введите цену цифрами, не более двух знаков после точки или запятой, например 900.00 или 900,00 (без знака, экспоненты и ведущих нулей).
err-version = Введите версию в виде чисел, разделённых точками, например 7.12.1.
invitation-subject = Ваша учётная запись на Портале поддержки
reset-subject = Сброс пароля на Портале поддержки
answered-subject = На ваш запрос на консультацию получен ответ
area-other = Другое (вне областей поддержки, например настройка локальной сети или ОС)
err-request-closed = Этот запрос закрыт; создайте новый.
err-forbidden = Эта страница доступна только сотрудникам поставщика.
err-link-invalid = Эта ссылка больше не действительна (ссылки срабатывают один раз и действуют ограниченное время). Запросите новую.
err-bad-request = Не удалось обработать запрос.
err-stale-quote = Цены изменились с момента показа этого расчёта стоимости: проверьте новый расчёт.
err-empty-order = Выберите хотя бы одну лицензию для добавления.
err-contracts-changed = Ваши договоры изменились во время оформления этого заказа; обновите страницу, чтобы увидеть их, и получите новый расчёт стоимости.
err-order-in-flight = Этот заказ оформляется прямо сейчас; обновите страницу чуть позже, чтобы его увидеть.
err-try-again = Это изменение столкнулось с другим, внесённым в тот же момент; обновите страницу и повторите попытку.
err-contact-changed = Контактное лицо компании было изменено в тот же момент; обновите страницу, чтобы увидеть, кто назначен сейчас.
dashboard-holdings = Продукты и лицензии
dashboard-filter = Фильтр продуктов
dashboard-filter-placeholder = Введите название продукта
dashboard-no-match = Нет продуктов, соответствующих фильтру.
dashboard-no-holdings = У вашей компании пока нет лицензий.
col-product = Продукт
col-quantity = Лицензии
col-installed = Установленная версия
col-latest = Последняя версия
update-available = Доступно обновление
up-to-date = Актуальная версия
sort-by = Сортировка
total-licenses = Всего лицензий
contract-title = Договор поддержки
contract-plan = Тарифный план
contract-period = Период
contract-days-left = Осталось дней
contract-renewed-until = Продлено: поддержка действует до
no-active-support = Нет действующей поддержки.
contract-lapsed-on = Ваш последний договор закончился
contract-starts-on = Начинается
plans-title = Тарифные планы
plans-intro = Стоимость поддержки рассчитывается как процент от общей стоимости ваших лицензий за год, для всех ваших продуктов.
plans-price = Цена (от общей стоимости лицензий, в год)
plans-patches = Критические обновления и исправления для текущей версии
plans-new-versions = Новые версии продуктов (бесплатные лицензии на обновление версии)
plans-response = Целевое время первого ответа
plans-eligibility = Кому доступен
plans-any-customer = Всем клиентам
plans-consultation = Консультации
yes = Да
no = Нет
loading = Загрузка…
page-not-found = Страница не найдена.
nav-orders = Заказы
your-prices = Цены рассчитаны по вашим лицензиям
your-license-total = Общая стоимость ваших лицензий по прайс-листу
current-plan = Ваш текущий план
not-available = Недоступно
choose-plan = Выбрать
buy-support-title = Купить поддержку
renew-title = Продлить поддержку
support-intro = Поддержка распространяется на все ваши продукты и приобретается на целое число лет. Выберите тарифный план и срок, чтобы увидеть расчёт стоимости.
field-plan = Тарифный план
field-years = Срок (лет)
show-quote = Рассчитать стоимость
confirm-order = Подтвердить заказ
quote-title = Расчёт стоимости
quote-signing-date = Цены на дату
quote-licenses = Лицензии
quote-support = Поддержка
quote-basis = Лицензии, по которым рассчитана стоимость поддержки
quote-total = Итого
col-version = Версия
col-qty = Количество
col-unit-price = Цена за единицу
col-price-from = Цена по прайс-листу с
col-amount = Сумма
add-licenses-title = Добавить лицензии
add-licenses-intro = Лицензии продаются только вместе с поддержкой (R1): в рамках действующего договора или нового.
support-with-active = Расширить мой действующий договор
support-with-new = Купить новый договор поддержки
field-support = Поддержка для добавляемых лицензий
owned = в наличии
updates-title = Обновления версий
updates-intro = Пока ваш тарифный план включает новые версии, переход на последнюю версию бесплатен (R4).
update-to = Обновить до
orders-title = Заказы и счета
no-orders = Заказов пока нет.
order-title = Заказ
invoice-title = Счёт
invoice-issued = Дата выставления
invoice-due = Оплатить до
invoice-status = Статус
paid = Оплачен
unpaid = Не оплачен
print-invoice = Версия счёта для печати
download-pdf = Скачать счёт (PDF)
invoice-number-label = Номер счёта
invoice-order = Заказ
invoice-payment-reference = Назначение платежа
invoice-seller = Продавец
invoice-buyer = Плательщик
invoice-registration = Регистрационный номер
invoice-vat-number = Номер плательщика НДС
invoice-country = Страна
invoice-subtotal = Промежуточный итог
invoice-total = Итого
invoice-payment = Оплата
invoice-iban = IBAN
invoice-bic = BIC
invoice-bank = Банк
invoice-overdue = Просрочен
field-legal-name = Юридическое наименование
field-address = Адрес
field-billing-emails = Адреса электронной почты для счетов
field-vat-note = Примечание к НДС в счёте
field-footer = Текст внизу счёта
field-bank-reference = Банковский референс
field-paid-on = Дата оплаты
field-payment-terms = Срок оплаты (дней)
field-vat-rate = Ставка НДС (%)
company-title = Компания и платёжные реквизиты
nav-company = Платёжные реквизиты
company-intro = Счета выставляются на эти реквизиты и отправляются на адреса для счетов. Изменения применяются к счетам, выставленным с этого момента; в уже выставленных счетах сохраняются реквизиты на момент выставления.
no-billing-details = Платёжные реквизиты пока не указаны: в счетах указывается только название вашей компании, и они отправляются на ваш адрес.
save-billing = Сохранить платёжные реквизиты
vendor-title = Реквизиты поставщика
vendor-intro = Продавец в каждом счёте. При сохранении создаётся новая версия, действующая для счетов, выставленных с этого момента; в уже выставленных счетах сохраняется версия на момент выставления.
save-vendor = Сохранить реквизиты поставщика
invoices-title = Счета
filter-unpaid = Неоплаченные
filter-overdue = Просроченные
filter-paid = Оплаченные
filter-all = Все
no-invoices = Нет подходящих счетов.
in-force-since = Действует с
jobs-title = Почта и напоминания
jobs-intro = Каждое письмо, которое отправляет портал, — это задание: оно отправляется сразу, если это возможно, при отказе почтового сервера повторяется с растущими паузами, а после десяти попыток получает статус «Ошибка».
job-queued = В очереди
job-running = Выполняется
job-done = Отправлено
job-failed = Ошибка
no-jobs = Нет подходящих заданий.
col-job = Задание
col-run-at = Время запуска
col-attempts = Попытки
col-last-error = Последняя ошибка
retry-job = Повторить
err-job-not-failed = Повторить можно только задание со статусом «Ошибка»; обновите список.
col-date = Дата
col-what = Событие
col-by = Кем
col-invoice = Счёт
col-description = Описание
col-detail = Расчёт
contract-change = Договор
history-title = История
no-history = Событий пока нет.
renew-now = Продлить сейчас
actions-title = Доступные действия
go-plans = Сравнить тарифные планы и цены
go-support-new = Купить поддержку
go-support-renew = Продлить поддержку
go-licenses = Добавить лицензии
go-updates = Обновления версий
go-orders = Заказы и счета
go-history = История
go-updates-fix = Перейти к обновлениям версий
go-renewal = Продлить или сменить тарифный план
nav-requests = Запросы
requests-title = Запросы на консультацию
requests-intro = Задавайте вопросы службе поддержки поставщика по областям, которые охватывает ваш тарифный план (R5).
new-request = Новый запрос
field-area = Область
field-subject = Тема
field-description = Описание
file-request = Отправить запрос
no-requests = Запросов пока нет.
request-title = Запрос
request-status = Статус
request-filed = Создан
request-target = Целевое время ответа
request-due = Срок первого ответа
target-met = Соблюдено
target-missed = Не соблюдено
target-pending = Ожидается
reply = Ответить
send = Отправить
close-request = Закрыть запрос
vendor = Служба поддержки
invite-title = Задайте пароль
invite-intro = Придумайте пароль не короче 12 символов, чтобы завершить настройку учётной записи.
new-password = Новый пароль
save-password = Сохранить пароль
reset-title = Сброс пароля
reset-intro = Введите адрес электронной почты — мы отправим ссылку для выбора нового пароля.
reset-send = Отправить ссылку
reset-sent = Если этот адрес принадлежит учётной записи, ссылка уже отправлена. Она сработает один раз в течение 2 часов.
forgot-password = Забыли пароль?
go-requests = Запросы на консультацию
admin-title = Администрирование
admin-home = Обзор
work-title = Задачи на сегодня
work-renewals = Продления в ближайшие 90 дней
work-no-renewals = Ни у кого поддержка не заканчивается в ближайшие 90 дней.
work-overdue = Просроченные счета
work-no-overdue = Просроченных счетов нет.
work-requests = Запросы, ожидающие ответа, по сроку
work-no-requests = Нет запросов, ожидающих ответа.
work-recent-orders = Последние заказы
work-no-orders = Заказов пока нет.
overdue = просрочено
col-days-left = Осталось дней
col-days-overdue = Дней просрочки
col-due = Срок
col-subject = Тема
sort-name = Название
sort-licenses = Лицензии (сначала больше)
sort-support-end = Поддержка до (сначала ближайшие)
admin-companies = Компании
admin-catalog = Каталог и цены
admin-plans = Тарифные планы
admin-queue = Очередь запросов
admin-audit = Журнал аудита
search = Найти
previous = Назад
next = Далее
create-company = Создать компанию
field-company-name = Название компании
field-contact-name = Имя контактного лица
field-contact-email = Электронная почта контактного лица
invitation-link = Приглашение отправлено. Ссылка (срабатывает один раз, действует 72 часа):
col-contact = Контактное лицо
col-support-end = Поддержка до
contacts-title = Контактное лицо (R3)
assign-contact = Назначить контактным лицом
assign-contact-title = Сменить контактное лицо
assign-contact-confirm = Я понимаю: текущее контактное лицо сразу теряет доступ, а новому будет отправлено приглашение.
end-sessions = Завершить все сеансы контактного лица
end-sessions-title = Принудительный выход контактного лица
end-sessions-confirm = Я понимаю: контактное лицо выйдет из системы на всех устройствах и должно будет войти снова.
licenses-title = Лицензии
grant-licenses-title = Предоставить лицензии (бесплатно)
record-update-title = Зарегистрировать обновление версии
nothing-to-update = Все продукты уже обновлены до последней версии.
col-kind = Тип
col-total = Сумма
col-status = Статус
no-orders-yet = Заказов пока нет.
no-exceptions = Исключений не зарегистрировано.
active = активен
disabled = отключён
invited = приглашён, пароль ещё не задан
grant-licenses = Предоставить лицензии
record-update = Зарегистрировать обновление до последней версии
exceptions-title = Договорные исключения (R5)
record-exception = Зарегистрировать исключение
revoke = Отозвать
revoked = отозвано
mark-paid = Отметить как оплаченный
record-payment = Зарегистрировать оплату
field-product = Продукт
field-price = Цена
field-valid-from = Действует с
field-version = Версия
add-product = Добавить продукт
declare-version = Объявить версию
add-price = Добавить цену
withdraw = Отозвать
in-force = действует или уже действовала
save-plan = Сохранить тарифный план
field-percent = Процент от общей стоимости лицензий в год
field-min-licenses = Минимум лицензий (R2)
field-response = Целевое время ответа
field-response-unit = Единица целевого времени ответа
business-days = рабочие дни
business-hours = рабочие часы
plan-note = Изменения применяются к новым расчётам стоимости; подписанные договоры сохраняют свои условия.
filter = Отфильтровать
field-actor = Пользователь
field-kind = Тип
field-from = С
field-to = По
any = любой
col-company = Компания
saved = Сохранено.

## Messages with values. Numbers select plural forms; days arrive already written the
## language's way.

product-name-taken = Продукт с названием «{ $existing }» уже существует; названия, отличающиеся только регистром букв или пробелами, считаются одинаковыми.
company-name-taken = Компания с названием «{ $existing }» уже существует; названия, отличающиеся только регистром букв или пробелами, считаются одинаковыми.
response-target-range = Целевое время ответа должно быть от 1 до { $max_days } (в рабочих днях) или от 1 до { $max_hours } (в рабочих часах).
too-long = { $field }: не более { $max ->
        [one] { $max } символа
        [few] { $max } символов
        [many] { $max } символов
       *[other] { $max } символа
    }.
unreadable-characters = Поле «{ $field }» содержит невидимые или нечитаемые символы; введите его заново.
quantity-range = Введите количество лицензий от 1 до { $max }.
too-many-attempts = Слишком много попыток. Подождите { $minutes ->
        [one] { $minutes } минуту
        [few] { $minutes } минуты
        [many] { $minutes } минут
       *[other] { $minutes } минуты
    } и повторите попытку.
internal-error = На нашей стороне что-то пошло не так. Повторите попытку.
internal-error-reference = На нашей стороне что-то пошло не так. Повторите попытку; если ошибка повторяется, сообщите нам код { $reference }.
unavailable = Портал сейчас сильно загружен; повторите попытку через { $seconds ->
        [one] { $seconds } секунду
        [few] { $seconds } секунды
        [many] { $seconds } секунд
       *[other] { $seconds } секунды
    }.
min-licenses = Компании с { $n } и более лицензиями
response-target-days = { $amount ->
        [one] { $amount } рабочий день
        [few] { $amount } рабочих дня
        [many] { $amount } рабочих дней
       *[other] { $amount } рабочего дня
    }
response-target-hours = { $amount ->
        [one] { $amount } рабочий час
        [few] { $amount } рабочих часа
        [many] { $amount } рабочих часов
       *[other] { $amount } рабочего часа
    }
quote-tax = Плюс НДС { $rate }: { $tax }. Итого по счёту: { $total }.
invoice-tax = НДС { $rate }
invoice-pay-by = Просим перевести { $total } не позднее { $due }, указав в назначении платежа { $reference }.
service-period-term = Период обслуживания { $start } – { $end }
service-period-extension = Период обслуживания { $from } – { $new_end }: срок увеличен на { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } (R8), теперь поддержка действует до { $new_end }
invoice-paid-on = Оплачен { $day }
page-of = Страница { $page } из { $pages }
invoice-mail-subject = Счёт { $number }
invoice-mail =
    Здравствуйте!

    Благодарим вас за заказ. Счёт { $number } на сумму { $total } со сроком оплаты до { $due } прилагается в формате PDF. Его также можно скачать на портале в разделе «Заказы».
renewal-reminder-subject = Ваша поддержка заканчивается { $end }: продлите её вовремя
renewal-reminder-subject-lapsed = Ваша поддержка закончилась { $end }: продлите её, чтобы возобновить обслуживание
renewal-reminder-mail =
    Здравствуйте, { $name }!

    Поддержка вашей компании по плану { $plan } заканчивается { $end }.
    Посмотреть расчёт стоимости и продлить поддержку можно здесь:

    { $link }
renewal-reminder-mail-lapsed =
    Здравствуйте, { $name }!

    Поддержка вашей компании по плану { $plan } закончилась { $end }; до продления поддержка не предоставляется.
    Посмотреть расчёт стоимости и продлить поддержку можно здесь:

    { $link }
renewal-reminder-price = Продление плана { $plan } на один год стоит { $price }.
overdue-reminder-subject = Напоминание: счёт { $number } просрочен
overdue-reminder-mail =
    Здравствуйте!

    Срок оплаты счёта { $number } на сумму { $total } — { $due }, но счёт пока не оплачен. Пожалуйста, переведите эту сумму, указав в назначении платежа { $number }, или не обращайте внимания на это письмо, если вы только что оплатили счёт. Счёт:

    { $link }
order-kind-new-support = Новый договор поддержки
order-kind-renewal = Продление поддержки
order-kind-add-licenses = Дополнительные лицензии
years = { $n ->
        [one] { $n } год
        [few] { $n } года
        [many] { $n } лет
       *[other] { $n } года
    }
renewal-due = Ваша поддержка заканчивается через { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }.
contract-change-new = Новый договор: { $start } – { $end } (R10).
contract-change-renewal = Продление после текущей даты окончания ({ $previous_end }): { $start } – { $end } (R10).
contract-change-renewal-lapsed = Ваш договор закончился { $previous_end }; период продления: { $start } – { $end } (R10).
contract-change-extended = R8: дата окончания договора сдвигается на ceil(365 × { $years } × { $added } / ({ $owned } + { $added })) = { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }: { $old_end } → { $new_end }.
contract-change-move = Подписанное вами продление по плану { $plan } переносится на { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    } позже: { $from_start } – { $from_end } → { $to_start } – { $to_end }.
licenses-from-start = Ваша поддержка начинается { $start }; с этого дня к договору можно добавлять лицензии (R1).
licenses-join-current = Ваша поддержка действует до { $covered_until }, поэтому новые лицензии добавляются к текущему договору (R1). Чтобы сменить тарифный план, оформите продление на странице тарифных планов.
support-formula = { $percent } × { $license_total } × { $years } = { $exact } → { $amount } (математическое округление до сотых)
end-date-change = Дата окончания: { $before } → { $after }
end-date = Окончание: { $after }
invitation-mail =
    Здравствуйте, { $name }!

    Теперь вы — контактное лицо вашей компании по вопросам поддержки на Портале поддержки.
    Задайте пароль по этой ссылке (она сработает один раз в течение 72 часов):

    { $link }
reset-mail =
    Здравствуйте, { $name }!

    Кто-то запросил сброс вашего пароля на Портале поддержки. Если это были вы,
    задайте новый пароль по этой ссылке (она сработает один раз в течение 2 часов):

    { $link }

    Если это были не вы, просто проигнорируйте это письмо.
answered-mail =
    Здравствуйте, { $name }!

    На ваш запрос «{ $subject }» получен ответ:

    { $link }

## Rule refusals (SPEC R1–R11): each starts with its rule id and says how to go on.

rule-r1-support-required = R1: Лицензии можно купить только вместе с поддержкой: воспользуйтесь действующим договором или добавьте в этот заказ новый тарифный план.
rule-r1-contract-not-active = R1: Ваш договор поддержки (с { $start } по { $end }) сегодня не действует, поэтому не может охватывать новые лицензии; добавьте в этот заказ новый тарифный план.
rule-r1-contract-not-started = R1: Ваш договор поддержки начинает действовать { $start }; добавлять к нему лицензии можно с этого дня.
rule-r1-coverage-exists-in-force = R1: Ваш договор по плану { $plan } уже вступил в силу, и поддержка действует до { $coverage_end }, поэтому купить второй договор параллельно с ним нельзя. Вместо этого добавьте эти лицензии к текущему договору или смените тарифный план при продлении.
rule-r1-coverage-exists-later = R1: Ваш договор по плану { $plan } подписан и вступит в силу позже, поддержка действует до { $coverage_end }, поэтому купить второй договор параллельно с ним нельзя. Лицензии можно будет добавить к нему, когда он начнёт действовать; сменить тарифный план можно при продлении.
rule-r2-too-few-licenses = R2: Минимальное количество лицензий для плана { $plan } — { $required }; у вашей компании их { $owned }. Купите ещё как минимум { $missing ->
        [one] { $missing } лицензию
        [few] { $missing } лицензии
        [many] { $missing } лицензий
       *[other] { $missing } лицензии
    } вместе с поддержкой по плану { $plan } или выберите другой тарифный план.
rule-r2-too-few-licenses-after-order = R2: Минимальное количество лицензий для плана { $plan } — { $required }; после этого заказа у вашей компании их будет { $owned }. Добавьте в заказ ещё как минимум { $missing ->
        [one] { $missing } лицензию
        [few] { $missing } лицензии
        [many] { $missing } лицензий
       *[other] { $missing } лицензии
    } или выберите другой тарифный план.
rule-r3-not-company-contact = R3: Пользоваться клиентским порталом может только назначенное контактное лицо вашей компании; попросите поставщика переназначить роль контактного лица.
rule-r4-no-active-contract = R4: { $product } можно обновить до новой версии только при действующем договоре поддержки; сначала купите или продлите поддержку.
rule-r4-plan-excludes-new-versions = R4: Ваш план { $plan } не включает новые версии продуктов, поэтому { $product } нельзя обновить бесплатно; план с новыми версиями можно выбрать при продлении.
rule-r4-already-on-latest = R4: Для { $product } уже установлена последняя версия — { $version }.
rule-r5-no-active-contract = R5: Для запросов на консультацию нужен действующий договор поддержки; сначала купите или продлите поддержку.
rule-r5-area-not-covered = R5: Ваш план { $plan } не включает консультации в области «{ $area }»; план, который её включает, можно выбрать при продлении.
rule-r5-out-of-scope = R5: Консультации вне областей поддержки (например, по настройке локальной сети или операционной системы) не входят в поддержку; для них нужно договорное исключение, которое может оформить ваш поставщик.
rule-r6-term-under-one-year = R6: Поддержка приобретается только на целое число лет, не менее 1; запрошенный срок в годах: { $requested }.
rule-r6-term-too-long = R6: За один раз поддержку можно купить на срок от 1 до { $max ->
        [one] { $max } года
        [few] { $max } лет
        [many] { $max } лет
       *[other] { $max } года
    } (целое число лет); запрошенный срок в годах: { $requested }.
rule-r6-subset-of-products = R6: Поддержка всегда распространяется на все продукты вашей компании; в этом запросе не указаны: { $missing }.
rule-r6-no-licenses = R6: Поддержка распространяется на все лицензии вашей компании, а у неё пока нет ни одной лицензии; купите лицензии вместе с тарифным планом.
rule-r7-outdated-versions = R7: Поддержку можно купить, только если все лицензии соответствуют последней версии продукта; сначала обновите: { $steps }.
rule-r7-step = { $product } с версии { $current } до { $latest }
rule-r11-conflicting-resubmission = R11: Этот заказ уже был отправлен с другими данными; обновите страницу, чтобы увидеть результат.
# Joins a list: "A and B", "A, B and C" ({ $init } is "A, B").
list-and = { $init } и { $last }

## Consultation areas (SPEC "Support plans"), as rows of the plan matrix and in refusals.

area-deployment-and-adjusting = Развёртывание и настройка системы
area-version-update = Обновление версии
area-functional-features = Функциональные возможности продуктов
area-reports-plugins-scripts = Создание отчётов, плагинов, скриптов
area-database-and-integration = Структура базы данных и интеграция со сторонними приложениями
area-out-of-scope = Вопросы вне поддержки (например, настройка локальной сети или операционной системы)

## The language switcher.

language-switcher = Язык

## Invoices, mail and the language switcher.

invoice-list-price-from = цена по прайс-листу от { $from }
invoice-line-licenses = { $product }: лицензии, версия { $version }
invoice-line-support = Поддержка { $plan }, { $years_text }: { $percent } × { $license_total } × { $years }
history-new-support = Заказан новый договор поддержки
history-renewal = Поддержка продлена
history-add-licenses = Добавлены лицензии
history-consultation-filed = Подан запрос на консультацию
history-consultation-closed = Запрос на консультацию закрыт
history-version-update = Лицензии обновлены до новой версии
history-billing-details-changed = Платёжные реквизиты изменены
history-signed-out-everywhere = Выполнен выход на всех устройствах
history-contact-assigned = Контактное лицо изменено
history-sessions-ended = Сеансы контактного лица завершены
history-licenses-granted = Поставщик предоставил лицензии
history-exception-recorded = Зафиксировано договорное исключение
history-exception-revoked = Договорное исключение отозвано
history-invoice-paid = Зафиксирована оплата счёта
history-contracts-repaired = Исправлены пересекавшиеся периоды договоров

## Integrations (issue 17): API tokens, webhooks, CSV.

secret-shown-once = Скопируйте его сейчас: он показывается только один раз.
tokens-title = API-токены
tokens-intro = Персональные токены доступа позволяют другой системе (вашей ERP или CRM) работать с API портала по адресу /api/v1 от вашего имени. Токен для чтения показывает записи; токен для записи также предоставляет лицензии и объявляет версии.
field-token-name = Название токена
field-token-scope = Доступ
token-scope-read = Чтение
token-scope-write = Чтение и запись
field-token-days = Действует (дней)
create-token = Создать токен
token-expires = Действует до
token-last-used = Последнее использование
token-never-used = ещё не использовался
col-actions = Действия
token-days-range = Токен действует от 1 до { $max } дней.
field-webhook-url = URL конечной точки
integrations-title = Интеграции
integrations-api = Другие системы читают и изменяют данные портала через его API, описанный здесь:
import-title = Импорт из CSV
import-intro = Одна строка на позицию лицензий вместе с компанией и контактным лицом и, при необходимости, одним из договоров компании. Сначала проверьте файл: ничего не записывается, пока вы не примените импорт, а файл хотя бы с одной отклонённой строкой не записывает ничего. Повторный импорт того же файла ничего не меняет. Столбцы:
import-file = Содержимое CSV-файла
import-dry-run = Проверить
import-apply = Импортировать
import-applied = Импортировано.
import-would = Проверка не нашла ошибок. Импорт сделает следующее:
import-refused = Импортировать невозможно: сначала исправьте эти строки.
import-counts = Строк: { $rows }. Создано компаний: { $companies }, контактных лиц: { $contacts }; позиций лицензий создано: { $holdings_created }, изменено: { $holdings_changed }; подписано договоров: { $contracts }; строк без изменений: { $unchanged }.
import-line = Строка
import-field = Поле
import-reason = Причина
import-too-large = Файл слишком большой: импортируйте не более { $max } МБ за раз.
import-header = Первая строка должна содержать названия столбцов: { $header }
import-unreadable = Эту строку не удаётся прочитать: { $reason }
import-unknown-product = Продукта «{ $product }» нет.
import-version-undeclared = Эта версия новее последней версии продукта ({ $latest }): сначала объявите её в каталоге.
import-contact-differs = Контактное лицо этой компании отличается от указанного в строке { $line }.
import-contact-exists = Контактное лицо компании — { $email } (R3: одно контактное лицо на компанию). Смените контактное лицо на странице компании.
import-product-twice = Этот продукт для этой компании уже есть в строке { $line }.
import-plan = Тарифный план должен быть basic, standard или premium, с датами начала и окончания; или оставьте все три поля пустыми.
import-end-before-start = Договор заканчивается раньше, чем начинается.
import-overlap = Этот договор пересекается с другим договором компании (R1: два договора не могут охватывать один и тот же день).
export-title = Экспорт в CSV
webhooks-title = Вебхуки
webhooks-intro = Портал отправляет события на эти адреса с подписью секретом конечной точки (HMAC-SHA256 метки времени и тела в заголовке Portal-Signature) и повторяет попытки с растущими паузами, пока получатель не ответит кодом 2xx.
field-webhook-events = События (через запятую)
add-webhook = Добавить конечную точку
remove-webhook = Удалить
webhook-removed = удалено
webhook-event = Событие
webhook-events = Выберите события из списка: { $events }.
err-webhook-url = Введите адрес, начинающийся с http:// или https://.

## Second factor (issue 20)
err-second-factor-required = Для страниц администрирования нужен второй фактор. Сначала настройте приложение-аутентификатор или ключ доступа.
err-wrong-code = Этот код неверен или уже был использован. Введите код, который приложение показывает сейчас, или один из ваших кодов восстановления.
err-confirm-first = Чтобы изменить настройки второго фактора, сначала подтвердите, что это вы: введите текущий код (или войдите снова с помощью ключа доступа).
err-passkeys-unavailable = По этому адресу портала ключи доступа использовать нельзя.
err-passkey-start-again = Добавление ключа доступа заняло слишком много времени. Начните заново.
err-passkey-refused = Не удалось проверить ключ доступа, поэтому он не сохранён. Повторите попытку.
err-authenticator-exists = Приложение-аутентификатор уже настроено. Чтобы настроить другое, сначала удалите текущее.
err-authenticator-start-again = Настройка приложения заняла слишком много времени. Начните заново.
err-admin-keeps-a-factor = Администраторы обязаны сохранять второй фактор: прежде чем удалить этот, добавьте другой.
err-recovery-needs-app = Коды восстановления выдаются вместе с приложением-аутентификатором: сначала настройте его.
code-title = Второй шаг: ваш код
code-intro = Введите 6-значный код, который показывает ваше приложение-аутентификатор.
code-expired = Сначала войдите с помощью адреса электронной почты и пароля (второй шаг доступен в течение 5 минут).
field-code = Код из приложения или код восстановления
code-submit = Продолжить
code-recovery-hint = Потеряли телефон? Введите вместо этого один из ваших кодов восстановления: каждый срабатывает только один раз.
code-start-over = Войти снова
passkey-sign-in = Войти с помощью ключа доступа
passkey-sign-in-failed = Не удалось войти с помощью ключа доступа. Повторите попытку или используйте пароль.
passkey-needs-js = Для ключей доступа нужен JavaScript, а в этом браузере он отключён. Вход по паролю и коду по-прежнему работает.
security-title = Безопасность: второй фактор
security-intro = Второй фактор защищает вашу учётную запись, даже если кто-то узнает ваш пароль: это код из приложения-аутентификатора на вашем телефоне или ключ доступа (passkey).
security-required = Для страниц администрирования нужен второй фактор. Настройте ниже приложение-аутентификатор или ключ доступа, а затем перейдите к страницам администрирования.
security-signed-in-with = Способ входа в этом сеансе:
security-back = Вернуться к учётной записи
method-password = только пароль
method-password-code = пароль и код из приложения-аутентификатора
method-password-recovery = пароль и код восстановления
method-passkey = ключ доступа
confirm-title = Подтвердите, что это вы
confirm-intro = Для изменения настроек второго фактора нужен текущий код. Введите код, который показывает приложение, или код восстановления.
confirm-submit = Подтвердить
confirm-passkey = Для изменения настроек второго фактора нужен недавний вход с помощью ключа доступа: выйдите из системы и снова войдите с помощью ключа доступа.
recovery-title = Ваши коды восстановления
recovery-shown-once = Сохраните эти коды прямо сейчас в надёжном месте: они показываются только один раз. Если вы потеряете телефон, каждый код позволит войти один раз.
recovery-left = { $count ->
        [one] Остался { $count } неиспользованный код восстановления.
        [few] Осталось { $count } неиспользованных кода восстановления.
        [many] Осталось { $count } неиспользованных кодов восстановления.
       *[other] Осталось { $count } неиспользованного кода восстановления.
    }
recovery-renew = Создать новые коды восстановления
authenticator-title = Приложение-аутентификатор
authenticator-on = Приложение-аутентификатор настроено.
authenticator-off = Приложение-аутентификатор не настроено.
authenticator-start = Настроить приложение-аутентификатор
authenticator-scan = Отсканируйте этот QR-код приложением-аутентификатором (например, Google Authenticator, Microsoft Authenticator или 1Password) или введите в него ключ, указанный ниже.
authenticator-type = Затем введите 6-значный код, который покажет приложение.
authenticator-secret = Ключ:
field-app-code = Код из приложения
authenticator-confirm = Подтвердить и включить
authenticator-remove = Удалить приложение-аутентификатор
passkeys-title = Ключи доступа
passkeys-intro = Ключ доступа (passkey) позволяет входить с помощью блокировки экрана вашего устройства или ключа безопасности, без пароля и кода. Он засчитывается как оба фактора.
field-passkey-name = Название ключа доступа
passkey-added = Добавлен
passkey-remove = Удалить
passkey-add = Добавить ключ доступа
passkey-default-name = Ключ доступа
passkey-add-failed = Ключ доступа не добавлен. Повторите попытку.
passkey-unsupported = Этот браузер не поддерживает ключи доступа.
passkeys-unavailable = Ключи доступа работают, только если портал открыт по доменному имени.
account-security-how = Защитите вход в учётную запись с помощью приложения-аутентификатора или ключа доступа.
account-security-link = Управление вторым фактором
reset-factor-title = Сбросить второй фактор
reset-factor-how = Для контактного лица, потерявшего телефон или ключ доступа: удаляет его приложение-аутентификатор, коды восстановления и ключи доступа и завершает его сеансы. После этого контактное лицо сможет войти по паролю и настроить новый второй фактор.
reset-factor-confirm = Да, сбросить второй фактор этого контактного лица
reset-factor = Сбросить второй фактор
history-second-factor-reset = Поставщик сбросил второй фактор
history-authenticator-added = Настроено приложение-аутентификатор
history-authenticator-removed = Приложение-аутентификатор удалено
history-recovery-codes-replaced = Созданы новые коды восстановления
history-recovery-code-used = Для входа использован код восстановления
history-passkey-added = Добавлен ключ доступа
history-passkey-removed = Ключ доступа удалён
