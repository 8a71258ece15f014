<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="ru_RU">
<context>
    <name>SaleScreen</name>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>%1 мин</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 ч %2 мин</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 дн</source>
        <translation>%1 d</translation>
    </message>
</context>
<context>
    <name>StockScreen</name>
    <message>
        <source>Приход</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <source>Списание</source>
        <translation>Write-off</translation>
    </message>
    <message>
        <source>Инвентаризация</source>
        <translation>Stock count</translation>
    </message>
    <message>
        <source>%1 № %2 · %3</source>
        <translation>%1 No. %2 · %3</translation>
    </message>
    <message>
        <source>проведён</source>
        <translation>posted</translation>
    </message>
    <message>
        <source>черновик</source>
        <translation>draft</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>%1 мин</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 ч %2 мин</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 дн</source>
        <translation>%1 d</translation>
    </message>
    <message>
        <source>всё отправлено</source>
        <translation>all sent</translation>
    </message>
    <message>
        <source>%1 не отпр., %2</source>
        <translation>%1 unsent, %2</translation>
    </message>
    <message>
        <source>Облако: не зарегистрирован</source>
        <translation>Cloud: not registered</translation>
    </message>
    <message>
        <source>Облако: отозван, %1</source>
        <translation>Cloud: revoked, %1</translation>
    </message>
    <message>
        <source>Облако: нет связи, %1</source>
        <translation>Cloud: offline, %1</translation>
    </message>
    <message>
        <source>Облако: ошибка, %1</source>
        <translation>Cloud: error, %1</translation>
    </message>
    <message>
        <source>Облако: отправка, %1</source>
        <translation>Cloud: sending, %1</translation>
    </message>
    <message>
        <source>Облако: всё отправлено</source>
        <translation>Cloud: all sent</translation>
    </message>
    <message>
        <source>Облако: %1</source>
        <translation>Cloud: %1</translation>
    </message>
    <message>
        <source>не зарегистрирован</source>
        <translation>not registered</translation>
    </message>
    <message>
        <source>на связи</source>
        <translation>online</translation>
    </message>
    <message>
        <source>идёт обмен</source>
        <translation>syncing</translation>
    </message>
    <message>
        <source>нет связи, повторяем</source>
        <translation>offline, retrying</translation>
    </message>
    <message>
        <source>облако отказывает, повторяем</source>
        <translation>the cloud refuses, retrying</translation>
    </message>
    <message>
        <source>доступ отозван облаком: продажи идут, чеки не отправляются</source>
        <translation>access revoked by the cloud: sales go on, receipts are not sent</translation>
    </message>
    <message>
        <source>Состояние: %1.
Не отправлено: %2.</source>
        <translation>State: %1.
Unsent: %2.</translation>
    </message>
    <message>
        <source>Последний успешный обмен: %1.</source>
        <translation>Last successful sync: %1.</translation>
    </message>
    <message>
        <source>Последняя ошибка: %1</source>
        <translation>Last error: %1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::AppChoiceScreen</name>
    <message>
        <source>Выберите приложение</source>
        <translation>Choose the app</translation>
    </message>
    <message>
        <source>Торговля</source>
        <translation>Retail</translation>
    </message>
    <message>
        <source>Магазин: штрихкоды,
весовой товар</source>
        <translation>Shop: barcodes,
goods by weight</translation>
    </message>
    <message>
        <source>Услуги</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Салон, мастерская:
услуги и мастера</source>
        <translation>Salon, workshop:
services and staff</translation>
    </message>
    <message>
        <source>Еда</source>
        <translation>Food</translation>
    </message>
    <message>
        <source>Кафе: столы,
заказы, кухня</source>
        <translation>Café: tables,
orders, kitchen</translation>
    </message>
    <message>
        <source>Тип бизнеса закреплён после активации личного кабинета и не меняется.</source>
        <translation>The business type is fixed once the online account is activated and cannot be changed.</translation>
    </message>
    <message>
        <source>Выбор можно изменить до активации личного кабинета.</source>
        <translation>You can change this until the online account is activated.</translation>
    </message>
    <message>
        <source>Зарегистрироваться в Сигма Облаке</source>
        <translation>Register with Sigma Cloud</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::AppointmentDialog</name>
    <message>
        <source>Перенос записи</source>
        <translation>Move the appointment</translation>
    </message>
    <message>
        <source>Новая запись</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <source>%1 ч %2 мин</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 мин</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Без клиента</source>
        <translation>No customer</translation>
    </message>
    <message>
        <source>Выбрать или создать клиента</source>
        <translation>Find or create a customer</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Выбрать / создать</source>
        <translation>Find / create</translation>
    </message>
    <message>
        <source>Перенос: %1</source>
        <translation>Move: %1</translation>
    </message>
    <message>
        <source>Новая запись на %1</source>
        <translation>New appointment on %1</translation>
    </message>
    <message>
        <source>Мастер</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>Время и длительность</source>
        <translation>Time and duration</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Перенести</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Записать</source>
        <translation>Book</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Услуги (отметьте одну или несколько)</source>
        <translation>Services (tick one or more)</translation>
    </message>
    <message>
        <source>Клиент: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>Сохранение…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::AppointmentsScreen</name>
    <message>
        <source>Оформить продажу</source>
        <translation>Make the sale</translation>
    </message>
    <message>
        <source>Перенести</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Отменить запись</source>
        <translation>Cancel appointment</translation>
    </message>
    <message>
        <source>Сегодня</source>
        <translation>Today</translation>
    </message>
    <message>
        <source>Новая запись</source>
        <translation>New appointment</translation>
    </message>
    <message>
        <source>Нерабочее время мастера</source>
        <translation>Outside the master&apos;s working hours</translation>
    </message>
    <message>
        <source> · оплачено</source>
        <translation> · paid</translation>
    </message>
    <message>
        <source>Нажмите на свободное время, чтобы записать клиента, или на запись, чтобы выбрать её.</source>
        <translation>Tap a free time to book a customer, or an appointment to select it.</translation>
    </message>
    <message>
        <source>Выбрана запись: %1 · мастер %2</source>
        <translation>Selected: %1 · master %2</translation>
    </message>
    <message>
        <source>Клиент записан</source>
        <translation>Customer booked</translation>
    </message>
    <message>
        <source>Запись перенесена</source>
        <translation>Appointment moved</translation>
    </message>
    <message>
        <source>Отмена записи</source>
        <translation>Cancel the appointment</translation>
    </message>
    <message>
        <source>Причина отмены (видна в журнале):</source>
        <translation>Reason for cancelling (kept in the journal):</translation>
    </message>
    <message>
        <source>Не отменять</source>
        <translation>Keep it</translation>
    </message>
    <message>
        <source>Запись отменена</source>
        <translation>Appointment cancelled</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ChangePinScreen</name>
    <message>
        <source>PIN выдан администратором: придумайте свой (4–8 цифр).</source>
        <translation>This PIN was given to you by the administrator: choose your own (4–8 digits).</translation>
    </message>
    <message>
        <source>Текущий PIN</source>
        <translation>Current PIN</translation>
    </message>
    <message>
        <source>Новый PIN</source>
        <translation>New PIN</translation>
    </message>
    <message>
        <source>Повторите новый PIN</source>
        <translation>Repeat the new PIN</translation>
    </message>
    <message>
        <source>PIN не совпадают, введите новый PIN ещё раз</source>
        <translation>The PINs do not match, enter the new PIN again</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::CloudScreen</name>
    <message>
        <source>Синхронизировать сейчас</source>
        <translation>Sync now</translation>
    </message>
    <message>
        <source>Зарегистрироваться</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Облако и синхронизация</source>
        <translation>Cloud and sync</translation>
    </message>
    <message>
        <source>Сохранить адрес</source>
        <translation>Save address</translation>
    </message>
    <message>
        <source>Синхронизация запущена.</source>
        <translation>Sync started.</translation>
    </message>
    <message>
        <source>Адрес облака</source>
        <translation>Cloud address</translation>
    </message>
    <message>
        <source>Состояние</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Терминал не зарегистрирован в облаке: продажи идут, чеки копятся до регистрации.</source>
        <translation>The terminal is not registered with the cloud: sales go on, receipts wait for the registration.</translation>
    </message>
    <message>
        <source>Адрес облака начинается с https:// (или http:// для локальной проверки).</source>
        <translation>The cloud address starts with https:// (or http:// for a local check).</translation>
    </message>
    <message>
        <source>Не удалось сохранить настройки: %1</source>
        <translation>Could not save the settings: %1</translation>
    </message>
    <message>
        <source>Адрес облака сохранён.</source>
        <translation>Cloud address saved.</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ComingSoonScreen</name>
    <message>
        <source>Скоро</source>
        <translation>Coming soon</translation>
    </message>
    <message>
        <source>Это приложение появится в одном из ближайших обновлений.
Сейчас доступна «Торговля».</source>
        <translation>This app comes in one of the next updates.
“Retail” is available now.</translation>
    </message>
    <message>
        <source>Выбрать другое приложение</source>
        <translation>Choose another app</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ConfirmPanel</name>
    <message>
        <source>Подтвердить</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::CustomerDialog</name>
    <message>
        <source>выполнена</source>
        <translation>done</translation>
    </message>
    <message>
        <source>отменена</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>запланирована</source>
        <translation>scheduled</translation>
    </message>
    <message>
        <source>Телефон (от 3 цифр) или имя</source>
        <translation>Phone (3 digits or more) or name</translation>
    </message>
    <message>
        <source>Имя и фамилия</source>
        <translation>First and last name</translation>
    </message>
    <message>
        <source>E-mail (необязательно)</source>
        <translation>E-mail (optional)</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Найти</source>
        <translation>Find</translation>
    </message>
    <message>
        <source>Новый клиент</source>
        <translation>New customer</translation>
    </message>
    <message>
        <source>Карточка</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Выбрать</source>
        <translation>Choose</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Телефон</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Сохранить и выбрать</source>
        <translation>Save and choose</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Визит</source>
        <translation>Visit</translation>
    </message>
    <message>
        <source>Чек</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Выбрать клиента</source>
        <translation>Choose this customer</translation>
    </message>
    <message>
        <source>К поиску</source>
        <translation>Back to search</translation>
    </message>
    <message>
        <source>Визиты (оплаченные чеки)</source>
        <translation>Visits (paid receipts)</translation>
    </message>
    <message>
        <source>Записи</source>
        <translation>Appointments</translation>
    </message>
    <message>
        <source>Поиск…</source>
        <translation>Searching…</translation>
    </message>
    <message>
        <source>Никого не нашли. Создайте нового клиента.</source>
        <translation>Nobody found. Create a new customer.</translation>
    </message>
    <message>
        <source>Найдено: %1</source>
        <translation>Found: %1</translation>
    </message>
    <message>
        <source>Сохранение…</source>
        <translation>Saving…</translation>
    </message>
    <message>
        <source>Загрузка…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Визитов: %1 на сумму %2</source>
        <translation>Visits: %1 for %2</translation>
    </message>
    <message>
        <source>ФД № %1</source>
        <translation>FD No. %1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::DeviceMessage</name>
    <message>
        <source>Смена открыта: операция возможна только при закрытой смене</source>
        <translation>The shift is open: this works only with the shift closed</translation>
    </message>
    <message>
        <source>Закройте смену (Z-отчёт) на экране «Смена» и повторите</source>
        <translation>Close the shift (Z report) on the Shift screen and retry</translation>
    </message>
    <message>
        <source>Закончилась бумага</source>
        <translation>Out of paper</translation>
    </message>
    <message>
        <source>Заправьте бумагу и нажмите «Продолжить печать»</source>
        <translation>Load paper and press “Continue printing”</translation>
    </message>
    <message>
        <source>Открыта крышка принтера</source>
        <translation>The printer cover is open</translation>
    </message>
    <message>
        <source>Закройте крышку и нажмите «Продолжить печать»</source>
        <translation>Close the cover and press “Continue printing”</translation>
    </message>
    <message>
        <source>Нет связи с кассой</source>
        <translation>No connection to the register</translation>
    </message>
    <message>
        <source>Проверьте, что касса включена и кабель подключён, затем повторите</source>
        <translation>Check that the register is on and the cable is connected, then try again</translation>
    </message>
    <message>
        <source>Смена длится больше 24 часов</source>
        <translation>The shift has lasted more than 24 hours</translation>
    </message>
    <message>
        <source>Закройте смену (Z-отчёт) и откройте новую</source>
        <translation>Close the shift (Z report) and open a new one</translation>
    </message>
    <message>
        <source>Смена не открыта</source>
        <translation>No shift is open</translation>
    </message>
    <message>
        <source>Откройте смену на экране «Смена»</source>
        <translation>Open a shift on the “Shift” screen</translation>
    </message>
    <message>
        <source>Документы не переданы в ОФД 30 дней</source>
        <translation>Documents not sent to the OFD for 30 days</translation>
    </message>
    <message>
        <source>Подключите кассу к интернету; касса заблокирована до передачи документов</source>
        <translation>Connect the register to the internet; it is blocked until the documents are sent</translation>
    </message>
    <message>
        <source>Фискальный накопитель требует замены</source>
        <translation>The fiscal storage must be replaced</translation>
    </message>
    <message>
        <source>Вызовите техника</source>
        <translation>Call a technician</translation>
    </message>
    <message>
        <source>Терминал оплаты не ответил</source>
        <translation>The card terminal did not answer</translation>
    </message>
    <message>
        <source>Повторите оплату картой или выберите другой способ</source>
        <translation>Retry the card payment or choose another method</translation>
    </message>
    <message>
        <source>Нет связи с терминалом оплаты</source>
        <translation>No connection to the card terminal</translation>
    </message>
    <message>
        <source>Проверьте терминал и повторите или примите наличные</source>
        <translation>Check the terminal and retry, or take cash</translation>
    </message>
    <message>
        <source>Смена уже открыта</source>
        <translation>The shift is already open</translation>
    </message>
    <message>
        <source>Можно продавать</source>
        <translation>You can sell</translation>
    </message>
    <message>
        <source>Оплата картой отклонена</source>
        <translation>Card payment declined</translation>
    </message>
    <message>
        <source>Попросите другую карту или примите наличные</source>
        <translation>Ask for another card or take cash</translation>
    </message>
    <message>
        <source>Терминал оплаты недоступен</source>
        <translation>The card terminal is unavailable</translation>
    </message>
    <message>
        <source>Повторите или выберите другой способ оплаты</source>
        <translation>Retry or choose another payment method</translation>
    </message>
    <message>
        <source>Есть незавершённый чек</source>
        <translation>A receipt is not finished</translation>
    </message>
    <message>
        <source>Касса проверит его сама, когда будет на связи; повторите через минуту</source>
        <translation>The till will check it by itself once the register answers; try again in a minute</translation>
    </message>
    <message>
        <source>Чек не найден</source>
        <translation>Receipt not found</translation>
    </message>
    <message>
        <source>Проверьте номер документа или отсканируйте QR-код чека</source>
        <translation>Check the document number or scan the receipt&apos;s QR code</translation>
    </message>
    <message>
        <source>Столько вернуть нельзя</source>
        <translation>That much cannot be returned</translation>
    </message>
    <message>
        <source>Количество больше, чем осталось к возврату по этому чеку</source>
        <translation>The quantity is more than is left to return on this receipt</translation>
    </message>
    <message>
        <source>Нужно подтверждение старшего</source>
        <translation>A senior&apos;s approval is needed</translation>
    </message>
    <message>
        <source>Попросите старшего кассира ввести PIN</source>
        <translation>Ask a senior cashier to enter their PIN</translation>
    </message>
    <message>
        <source>Товар не найден</source>
        <translation>Product not found</translation>
    </message>
    <message>
        <source>Проверьте штрихкод или найдите товар поиском</source>
        <translation>Check the barcode or find the product by search</translation>
    </message>
    <message>
        <source>Неверный PIN</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <source>Введите PIN ещё раз</source>
        <translation>Enter the PIN again</translation>
    </message>
    <message>
        <source>Вход временно заблокирован</source>
        <translation>Login is temporarily locked</translation>
    </message>
    <message>
        <source>Слишком много неверных PIN. Подождите и попробуйте снова</source>
        <translation>Too many wrong PINs. Wait and try again</translation>
    </message>
    <message>
        <source>Недостаточно прав</source>
        <translation>Not allowed</translation>
    </message>
    <message>
        <source>Позовите старшего кассира или администратора</source>
        <translation>Call a senior cashier or the administrator</translation>
    </message>
    <message>
        <source>Слишком простой PIN</source>
        <translation>The PIN is too simple</translation>
    </message>
    <message>
        <source>4–8 цифр, не одинаковые и не подряд (не 1111, не 1234)</source>
        <translation>4–8 digits, not all the same and not in a row (not 1111, not 1234)</translation>
    </message>
    <message>
        <source>Такой PIN уже занят</source>
        <translation>This PIN is already taken</translation>
    </message>
    <message>
        <source>Выберите другой PIN</source>
        <translation>Choose another PIN</translation>
    </message>
    <message>
        <source>Сумма оплаты меньше суммы чека</source>
        <translation>The payment is less than the receipt total</translation>
    </message>
    <message>
        <source>Введите полученную сумму или добавьте оплату картой</source>
        <translation>Enter the amount received or add a card payment</translation>
    </message>
    <message>
        <source>Оплата картой больше суммы чека</source>
        <translation>The card payment is more than the receipt total</translation>
    </message>
    <message>
        <source>Уменьшите сумму по карте</source>
        <translation>Lower the card amount</translation>
    </message>
    <message>
        <source>Чек пуст</source>
        <translation>The receipt is empty</translation>
    </message>
    <message>
        <source>Добавьте товар</source>
        <translation>Add a product</translation>
    </message>
    <message>
        <source>Штучный товар — только целое количество</source>
        <translation>Goods sold by the piece take whole quantities only</translation>
    </message>
    <message>
        <source>Введите целое число</source>
        <translation>Enter a whole number</translation>
    </message>
    <message>
        <source>Ошибка кассы</source>
        <translation>Register error</translation>
    </message>
    <message>
        <source>Повторите операцию; если ошибка повторится, вызовите техника</source>
        <translation>Try again; if the error comes back, call a technician</translation>
    </message>
    <message>
        <source>Операция не выполнена</source>
        <translation>The operation failed</translation>
    </message>
    <message>
        <source>код %1</source>
        <translation>code %1</translation>
    </message>
    <message>
        <source>Продолжить печать</source>
        <translation>Continue printing</translation>
    </message>
    <message>
        <source>Повторить</source>
        <translation>Retry</translation>
    </message>
    <message>
        <source>Другой способ оплаты</source>
        <translation>Another payment method</translation>
    </message>
    <message>
        <source>Открыть смену</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>Закрыть смену</source>
        <translation>Close shift</translation>
    </message>
    <message>
        <source>Нет связи с сервером</source>
        <translation>No connection to the server</translation>
    </message>
    <message>
        <source>Проверьте подключение к интернету и адрес облака, затем повторите</source>
        <translation>Check the Internet connection and the cloud address, then try again</translation>
    </message>
    <message>
        <source>Не удалось установить защищённое соединение с сервером</source>
        <translation>Could not establish a secure connection to the server</translation>
    </message>
    <message>
        <source>Проверьте дату и время терминала и адрес облака; если не поможет, вызовите поддержку</source>
        <translation>Check the terminal&apos;s date and time and the cloud address; if that does not help, call support</translation>
    </message>
    <message>
        <source>Терминал не зарегистрирован в облаке</source>
        <translation>The terminal is not registered in the cloud</translation>
    </message>
    <message>
        <source>Зарегистрируйте терминал (телефон владельца и PIN активации), затем повторите</source>
        <translation>Register the terminal (the owner&apos;s phone and the activation PIN), then try again</translation>
    </message>
    <message>
        <source>Облако не узнало этот терминал</source>
        <translation>The cloud does not recognise this terminal</translation>
    </message>
    <message>
        <source>Зарегистрируйте терминал заново или вызовите поддержку</source>
        <translation>Register the terminal again or call support</translation>
    </message>
    <message>
        <source>Владелец отключил терминал от облака</source>
        <translation>The owner has disconnected this terminal from the cloud</translation>
    </message>
    <message>
        <source>Продажи продолжаются; для связи с облаком зарегистрируйте терминал заново</source>
        <translation>Sales go on; register the terminal again to reconnect it to the cloud</translation>
    </message>
    <message>
        <source>Облако временно не отвечает</source>
        <translation>The cloud is temporarily not responding</translation>
    </message>
    <message>
        <source>Повторите через несколько минут; если не пройдёт, вызовите поддержку</source>
        <translation>Try again in a few minutes; if it still fails, call support</translation>
    </message>
    <message>
        <source>Слишком много запросов к облаку</source>
        <translation>Too many requests to the cloud</translation>
    </message>
    <message>
        <source>Подождите минуту и повторите</source>
        <translation>Wait a minute and try again</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::DiagnosticsPage</name>
    <message>
        <source>Собрать диагностику</source>
        <translation>Collect diagnostics</translation>
    </message>
    <message>
        <source>Экспорт для поддержки</source>
        <translation>Export for support</translation>
    </message>
    <message>
        <source>Каталог для файла поддержки</source>
        <translation>Directory for the support file</translation>
    </message>
    <message>
        <source>ККТ</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>%1, заводской № %2, прошивка %3</source>
        <translation>%1, serial No. %2, firmware %3</translation>
    </message>
    <message>
        <source>ФН</source>
        <translation>FN</translation>
    </message>
    <message>
        <source>№ %1, %2, действует до %3, осталось перерегистраций: %4</source>
        <translation>No. %1, %2, valid until %3, re-registrations left: %4</translation>
    </message>
    <message>
        <source>фискальный режим</source>
        <translation>fiscal mode</translation>
    </message>
    <message>
        <source>архив закрыт (постфискальный режим)</source>
        <translation>archive closed (post-fiscal mode)</translation>
    </message>
    <message>
        <source>Очередь ОФД</source>
        <translation>OFD queue</translation>
    </message>
    <message>
        <source>не отправлено документов: %1, старейший от %2 (дней: %3)</source>
        <translation>documents not sent: %1, oldest from %2 (days: %3)</translation>
    </message>
    <message>
        <source>Смена</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>закрыта (последняя № %1)</source>
        <translation>closed (last No. %1)</translation>
    </message>
    <message>
        <source>№ %1 %2, идёт %3 мин</source>
        <translation>No. %1 %2, running %3 min</translation>
    </message>
    <message>
        <source>ПРЕВЫСИЛА 24 часа</source>
        <translation>OVER 24 hours</translation>
    </message>
    <message>
        <source>открыта</source>
        <translation>open</translation>
    </message>
    <message>
        <source>Диск</source>
        <translation>Disk</translation>
    </message>
    <message>
        <source>свободно %1 МБ из %2 МБ</source>
        <translation>%1 MB free of %2 MB</translation>
    </message>
    <message>
        <source>База данных</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>целостность в порядке (integrity_check)</source>
        <translation>integrity OK (integrity_check)</translation>
    </message>
    <message>
        <source>ПОВРЕЖДЕНА: %1</source>
        <translation>DAMAGED: %1</translation>
    </message>
    <message>
        <source>Журнал событий</source>
        <translation>Event journal</translation>
    </message>
    <message>
        <source>в порядке, проверено событий: %1</source>
        <translation>OK, events checked: %1</translation>
    </message>
    <message>
        <source>повреждён с события %1: %2</source>
        <translation>damaged from event %1: %2</translation>
    </message>
    <message>
        <source>Облако</source>
        <translation>Cloud</translation>
    </message>
    <message>
        <source>терминал не зарегистрирован</source>
        <translation>terminal not registered</translation>
    </message>
    <message>
        <source>%1, последняя ошибка: %2</source>
        <translation>%1, last error: %2</translation>
    </message>
    <message>
        <source>Версия программы</source>
        <translation>Program version</translation>
    </message>
    <message>
        <source>Полные данные:</source>
        <translation>Full data:</translation>
    </message>
    <message>
        <source>Сбор диагностики… (проверка базы данных может занять минуту)</source>
        <translation>Collecting diagnostics… (the database check may take a minute)</translation>
    </message>
    <message>
        <source>Диагностика собрана</source>
        <translation>Diagnostics collected</translation>
    </message>
    <message>
        <source>Файл не записан: %1</source>
        <translation>File not written: %1</translation>
    </message>
    <message>
        <source>Файл для поддержки записан: %1</source>
        <translation>Support file written: %1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::FirmwarePage</name>
    <message>
        <source>Прошить ККТ…</source>
        <translation>Flash the register…</translation>
    </message>
    <message>
        <source>Выберите файл прошивки в списке</source>
        <translation>Choose a firmware file in the list</translation>
    </message>
    <message>
        <source>Прошить ККТ из файла %1? Подпись и целостность проверяются до записи; прошивка пишется в резервный банк и включается только целиком. Не выключайте терминал и ККТ до конца.</source>
        <translation>Flash the register from %1? The signature and integrity are checked before writing; the firmware goes to the spare bank and is switched on only when complete. Do not power off the terminal or the register until it ends.</translation>
    </message>
    <message>
        <source>Выберите подписанный пакет прошивки (kkt-firmware) на USB-накопителе. Перед прошивкой закройте чек и смену.</source>
        <translation>Choose a signed firmware package (kkt-firmware) on a USB stick. Close the receipt and the shift before flashing.</translation>
    </message>
    <message>
        <source>Прошивка ККТ выполняется утилитой производителя. Этот драйвер не прошивает ККТ.</source>
        <translation>The register&apos;s firmware is flashed with the manufacturer&apos;s tool. This driver cannot flash the register.</translation>
    </message>
    <message>
        <source>Версия прошивки ККТ: чтение…</source>
        <translation>Register firmware version: reading…</translation>
    </message>
    <message>
        <source>Версия прошивки ККТ не прочитана: %1</source>
        <translation>Register firmware version not read: %1</translation>
    </message>
    <message>
        <source>Версия прошивки ККТ: %1</source>
        <translation>Register firmware version: %1</translation>
    </message>
    <message>
        <source>Прошивка…</source>
        <translation>Flashing…</translation>
    </message>
    <message>
        <source>Прошивка не выполнена, ККТ работает на прежней версии</source>
        <translation>Not flashed; the register runs the previous version</translation>
    </message>
    <message>
        <source>ККТ прошита: %1 → %2</source>
        <translation>Register flashed: %1 → %2</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::FoodMessage</name>
    <message>
        <source>Стол не найден</source>
        <translation>Table not found</translation>
    </message>
    <message>
        <source>Выберите стол на схеме зала</source>
        <translation>Choose a table on the hall map</translation>
    </message>
    <message>
        <source>Стол с таким названием уже есть</source>
        <translation>A table with this name already exists</translation>
    </message>
    <message>
        <source>Дайте столу другое название</source>
        <translation>Give the table another name</translation>
    </message>
    <message>
        <source>Это место на схеме занято другим столом</source>
        <translation>Another table stands on this spot</translation>
    </message>
    <message>
        <source>Выберите свободную клетку</source>
        <translation>Choose an empty cell</translation>
    </message>
    <message>
        <source>За столом открыт заказ</source>
        <translation>The table has an open order</translation>
    </message>
    <message>
        <source>Откройте его заказ, или сначала оплатите, перенесите или отмените его</source>
        <translation>Open its order, or first pay, move or cancel it</translation>
    </message>
    <message>
        <source>Заказ не найден</source>
        <translation>Order not found</translation>
    </message>
    <message>
        <source>Откройте стол на схеме зала ещё раз</source>
        <translation>Open the table on the hall map again</translation>
    </message>
    <message>
        <source>Заказ уже закрыт</source>
        <translation>The order is already closed</translation>
    </message>
    <message>
        <source>Он оплачен, отменён или объединён с другим; вернитесь в зал</source>
        <translation>It was paid, cancelled or merged into another; go back to the hall</translation>
    </message>
    <message>
        <source>Выберите «%1»</source>
        <translation>Choose “%1”</translation>
    </message>
    <message>
        <source>Без этого выбора блюдо не добавить</source>
        <translation>The dish cannot be added without this choice</translation>
    </message>
    <message>
        <source>В «%1» выбрано слишком мало</source>
        <translation>Too few chosen in “%1”</translation>
    </message>
    <message>
        <source>Отметьте больше вариантов (сколько нужно — написано у группы)</source>
        <translation>Mark more options (the group says how many)</translation>
    </message>
    <message>
        <source>В «%1» выбрано слишком много</source>
        <translation>Too many chosen in “%1”</translation>
    </message>
    <message>
        <source>Снимите лишние отметки (сколько можно — написано у группы)</source>
        <translation>Unmark the extra ones (the group says how many)</translation>
    </message>
    <message>
        <source>Такого варианта у блюда нет</source>
        <translation>The dish has no such option</translation>
    </message>
    <message>
        <source>Выберите из предложенных</source>
        <translation>Choose one of those offered</translation>
    </message>
    <message>
        <source>Позиция не найдена</source>
        <translation>Line not found</translation>
    </message>
    <message>
        <source>Выберите позицию в заказе</source>
        <translation>Choose a line of the order</translation>
    </message>
    <message>
        <source>Смену нельзя закрыть: есть открытые заказы</source>
        <translation>The shift cannot be closed: orders are open</translation>
    </message>
    <message>
        <source>Оплатите или отмените их (с причиной) в «Зале», либо перенесите на следующую смену. %1</source>
        <translation>Pay or cancel them (with a reason) in the “Hall”, or carry them over to the next shift. %1</translation>
    </message>
    <message>
        <source>№ </source>
        <translation>No. </translation>
    </message>
    <message>
        <source>Так разделить счёт нельзя</source>
        <translation>The bill cannot be split like this</translation>
    </message>
    <message>
        <source>Каждая часть должна быть не пустой, а все части вместе — весь заказ (от 2 до 20 частей)</source>
        <translation>Every part must have something in it and the parts together must be the whole order (2 to 20 parts)</translation>
    </message>
    <message>
        <source>Укажите причину</source>
        <translation>Give a reason</translation>
    </message>
    <message>
        <source>Причина попадёт в журнал</source>
        <translation>The reason goes to the journal</translation>
    </message>
    <message>
        <source>Тикет не найден</source>
        <translation>Ticket not found</translation>
    </message>
    <message>
        <source>Обновите экран кухни</source>
        <translation>Refresh the kitchen screen</translation>
    </message>
    <message>
        <source>Кухонный принтер не найден</source>
        <translation>Kitchen printer not found</translation>
    </message>
    <message>
        <source>Проверьте настройки принтеров</source>
        <translation>Check the printer settings</translation>
    </message>
    <message>
        <source>Гостей — от 1 до 99</source>
        <translation>Guests: 1 to 99</translation>
    </message>
    <message>
        <source>Введите число гостей</source>
        <translation>Enter the number of guests</translation>
    </message>
    <message>
        <source>В заказе ничего нет</source>
        <translation>The order is empty</translation>
    </message>
    <message>
        <source>Добавьте блюда, или отмените пустой заказ</source>
        <translation>Add dishes, or cancel the empty order</translation>
    </message>
    <message>
        <source>Часть счёта уже оплачена</source>
        <translation>Part of the bill is paid</translation>
    </message>
    <message>
        <source>Заказ больше не меняется: оплатите оставшиеся части</source>
        <translation>The order cannot change any more: pay the remaining parts</translation>
    </message>
    <message>
        <source>Кухня уже получила все позиции</source>
        <translation>The kitchen has every line already</translation>
    </message>
    <message>
        <source>Отправлять нечего: добавьте блюда или измените количество</source>
        <translation>Nothing to send: add dishes or change a quantity</translation>
    </message>
    <message>
        <source>Нет связи с кухонным принтером</source>
        <translation>No connection to the kitchen printer</translation>
    </message>
    <message>
        <source>Проверьте, что принтер включён и в сети; тикеты ждут в очереди и напечатаются сами</source>
        <translation>Check that the printer is on and connected; tickets wait in the queue and print by themselves</translation>
    </message>
    <message>
        <source>Принтер не подтвердил печать</source>
        <translation>The printer did not confirm printing</translation>
    </message>
    <message>
        <source>Тикет напечатается ещё раз с пометкой ПОВТОР</source>
        <translation>The ticket will print again marked REPEAT</translation>
    </message>
    <message>
        <source>В кухонном принтере закончилась бумага</source>
        <translation>The kitchen printer is out of paper</translation>
    </message>
    <message>
        <source>Заправьте бумагу; тикеты ждут в очереди</source>
        <translation>Load paper; tickets wait in the queue</translation>
    </message>
    <message>
        <source>Кухонный принтер не готов</source>
        <translation>The kitchen printer is not ready</translation>
    </message>
    <message>
        <source>Закройте крышку или проверьте принтер; тикеты ждут в очереди</source>
        <translation>Close the cover or check the printer; tickets wait in the queue</translation>
    </message>
    <message>
        <source>Операция не выполнена</source>
        <translation>The operation failed</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::HallScreen</name>
    <message>
        <source>Изменить зал</source>
        <translation>Edit hall</translation>
    </message>
    <message>
        <source>Зал</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Кухня</source>
        <translation>Kitchen</translation>
    </message>
    <message>
        <source>Переименовать</source>
        <translation>Rename</translation>
    </message>
    <message>
        <source>Удалить стол</source>
        <translation>Remove table</translation>
    </message>
    <message>
        <source>Пустая клетка: новый стол. Выберите стол и нажмите клетку — он переедет.</source>
        <translation>Empty cell: a new table. Choose a table and tap a cell to move it there.</translation>
    </message>
    <message>
        <source>
гостей %1 · %2 мин
%3</source>
        <translation>
guests %1 · %2 min
%3</translation>
    </message>
    <message>
        <source>Столов ещё нет: нажмите «Изменить зал» и добавьте их</source>
        <translation>No tables yet: tap “Edit hall” and add them</translation>
    </message>
    <message>
        <source>Столов ещё нет: их добавляет администратор</source>
        <translation>No tables yet: the administrator adds them</translation>
    </message>
    <message>
        <source>Выбран стол %1: нажмите пустую клетку, чтобы переставить его</source>
        <translation>Table %1 chosen: tap an empty cell to move it</translation>
    </message>
    <message>
        <source>Открываю заказ…</source>
        <translation>Opening the order…</translation>
    </message>
    <message>
        <source>Стол %1 на месте</source>
        <translation>Table %1 is in place</translation>
    </message>
    <message>
        <source>Сначала выберите стол</source>
        <translation>Choose a table first</translation>
    </message>
    <message>
        <source>Название стола</source>
        <translation>Table name</translation>
    </message>
    <message>
        <source>Новое название (до 32 символов)</source>
        <translation>New name (up to 32 characters)</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Стол удалён</source>
        <translation>Table removed</translation>
    </message>
    <message>
        <source>свободен
мест: %1</source>
        <translation>free
seats: %1</translation>
    </message>
    <message>
        <source>счёт напечатан</source>
        <translation>bill printed</translation>
    </message>
    <message>
        <source>занят</source>
        <translation>occupied</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::KitchenScreen</name>
    <message>
        <source>ЕЩЁ </source>
        <translation>MORE </translation>
    </message>
    <message>
        <source>МЕНЬШЕ </source>
        <translation>LESS </translation>
    </message>
    <message>
        <source>ОТМЕНА </source>
        <translation>CANCEL </translation>
    </message>
    <message>
        <source>ИЗМЕНЕНО: </source>
        <translation>CHANGED: </translation>
    </message>
    <message>
        <source>ПЕРЕНОС </source>
        <translation>MOVED </translation>
    </message>
    <message>
        <source>Кухня</source>
        <translation>Kitchen</translation>
    </message>
    <message>
        <source>Повторить печать</source>
        <translation>Retry printing</translation>
    </message>
    <message>
        <source>Зал</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>№ %1 · стол %2
%3 · %4 мин назад</source>
        <translation>No. %1 · table %2
%3 · %4 min ago</translation>
    </message>
    <message>
        <source>только экран</source>
        <translation>screen only</translation>
    </message>
    <message>
        <source>напечатан: %1</source>
        <translation>printed: %1</translation>
    </message>
    <message>
        <source>ждёт печати: %1</source>
        <translation>waiting to print: %1</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Ready</translation>
    </message>
    <message>
        <source>Все заказы готовы</source>
        <translation>Every order is ready</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::LifecyclePage</name>
    <message>
        <source>DNS сети</source>
        <translation>network&apos;s DNS</translation>
    </message>
    <message>
        <source>Перерегистрировать…</source>
        <translation>Re-register…</translation>
    </message>
    <message>
        <source>Замена ФН…</source>
        <translation>Replace FN…</translation>
    </message>
    <message>
        <source>Закрыть архив ФН…</source>
        <translation>Close FN archive…</translation>
    </message>
    <message>
        <source>Сохранить настройки ОФД</source>
        <translation>Save OFD settings</translation>
    </message>
    <message>
        <source>Замена фискального накопителя. Архив старого ФН должен быть закрыт; новый ФН регистрируется с текущими реквизитами, ККТ печатает «Отчёт об изменении параметров регистрации». Старый ФН храните 5 лет. Продолжить?</source>
        <translation>Fiscal storage replacement. The old FN archive must be closed; the new FN is registered with the current details and the register prints the &quot;registration change report&quot;. Keep the old FN for 5 years. Continue?</translation>
    </message>
    <message>
        <source>Замена ФН</source>
        <translation>FN replacement</translation>
    </message>
    <message>
        <source>Закрытие архива ФН необратимо: после него на этом ФН нельзя пробить ни одного чека до замены ФН. Смена должна быть закрыта. ККТ напечатает «Отчёт о закрытии ФН». Продолжить?</source>
        <translation>Closing the FN archive cannot be undone: no receipt can be issued on this FN until it is replaced. The shift must be closed. The register prints the &quot;FN closing report&quot;. Continue?</translation>
    </message>
    <message>
        <source>Закрытие архива ФН</source>
        <translation>Closing the FN archive</translation>
    </message>
    <message>
        <source>Перерегистрация ККТ — заполните только то, что меняется</source>
        <translation>Re-registration — fill in only what changes</translation>
    </message>
    <message>
        <source>Организация</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>ИНН</source>
        <translation>INN</translation>
    </message>
    <message>
        <source>Адрес расчётов</source>
        <translation>Place of settlement</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Рег. номер</source>
        <translation>Reg. number</translation>
    </message>
    <message>
        <source>ОФД</source>
        <translation>OFD</translation>
    </message>
    <message>
        <source>ИНН ОФД</source>
        <translation>OFD INN</translation>
    </message>
    <message>
        <source>Связь с ОФД</source>
        <translation>OFD connection</translation>
    </message>
    <message>
        <source>Адрес ОФД</source>
        <translation>OFD address</translation>
    </message>
    <message>
        <source>Порт</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>DNS</source>
        <translation>DNS</translation>
    </message>
    <message>
        <source>Фискальный накопитель</source>
        <translation>Fiscal storage</translation>
    </message>
    <message>
        <source>ФН ещё в фискальном режиме</source>
        <translation>The FN is still in fiscal mode</translation>
    </message>
    <message>
        <source>Сначала закройте архив ФН (при закрытой смене), затем замените ФН</source>
        <translation>First close the FN archive (with the shift closed), then replace the FN</translation>
    </message>
    <message>
        <source>: отказ ККТ
</source>
        <translation>: refused by the register
</translation>
    </message>
    <message>
        <source>: выполнено, отчёт напечатан. ФД № %1, ФН %2</source>
        <translation>: done, report printed. FD No. %1, FN %2</translation>
    </message>
    <message>
        <source>реквизиты организации</source>
        <translation>the organisation&apos;s details</translation>
    </message>
    <message>
        <source>регистрационный номер</source>
        <translation>the registration number</translation>
    </message>
    <message>
        <source>Заполните поля, которые меняются при перерегистрации</source>
        <translation>Fill in the fields that change with the re-registration</translation>
    </message>
    <message>
        <source>Перерегистрация ККТ: меняются %1. Смена должна быть закрыта. Данные уйдут в ФНС через ОФД; ККТ напечатает «Отчёт об изменении параметров регистрации». Продолжить?</source>
        <translation>Re-registration: changing %1. The shift must be closed. The data goes to the tax service through the OFD; the register prints the &quot;registration change report&quot;. Continue?</translation>
    </message>
    <message>
        <source>Перерегистрация</source>
        <translation>Re-registration</translation>
    </message>
    <message>
        <source>Настройки ОФД не сохранены: %1</source>
        <translation>OFD settings not saved: %1</translation>
    </message>
    <message>
        <source>Настройки ОФД сохранены</source>
        <translation>OFD settings saved</translation>
    </message>
    <message>
        <source>Записать в ККТ</source>
        <translation>Write to the register</translation>
    </message>
    <message>
        <source>Адрес ОФД в ККТ задаётся утилитой производителя: этот драйвер не записывает его в ККТ. Здесь настройки только сохраняются на терминале.</source>
        <translation>The OFD address in the register is set with the vendor&apos;s utility: this driver does not write it to the register. Here the settings are only saved on the terminal.</translation>
    </message>
    <message>
        <source>В ККТ: чтение…</source>
        <translation>In the register: reading…</translation>
    </message>
    <message>
        <source>Настройки ОФД из ККТ не прочитаны: %1</source>
        <translation>OFD settings could not be read from the register: %1</translation>
    </message>
    <message>
        <source>В ККТ адрес ОФД не задан</source>
        <translation>No OFD address is set in the register</translation>
    </message>
    <message>
        <source>В ККТ: %1:%2, DNS %3</source>
        <translation>In the register: %1:%2, DNS %3</translation>
    </message>
    <message>
        <source>сети</source>
        <translation>from the network</translation>
    </message>
    <message>
        <source>Настройки ОФД не записаны: %1</source>
        <translation>OFD settings were not saved: %1</translation>
    </message>
    <message>
        <source>Запись настроек ОФД в ККТ…</source>
        <translation>Writing the OFD settings to the register…</translation>
    </message>
    <message>
        <source>ККТ не приняла настройки ОФД
</source>
        <translation>The register did not accept the OFD settings
</translation>
    </message>
    <message>
        <source>Настройки ОФД записаны в ККТ</source>
        <translation>OFD settings written to the register</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::LoginScreen</name>
    <message>
        <source>Введите PIN</source>
        <translation>Enter your PIN</translation>
    </message>
    <message>
        <source>Сигма · Торговля</source>
        <translation>Sigma · Retail</translation>
    </message>
    <message>
        <source>Проверка…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>. Осталось %1:%2</source>
        <translation>. Time left %1:%2</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::MainWindow</name>
    <message>
        <source>Сигма — касса</source>
        <translation>Sigma — till</translation>
    </message>
    <message>
        <source>Продажа</source>
        <translation>Sale</translation>
    </message>
    <message>
        <source>Смена</source>
        <translation>Shift</translation>
    </message>
    <message>
        <source>Возврат</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Склад</source>
        <translation>Stock</translation>
    </message>
    <message>
        <source>Сервис</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Настройки</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Сменить кассира</source>
        <translation>Switch cashier</translation>
    </message>
    <message>
        <source>Заблокировать</source>
        <translation>Lock</translation>
    </message>
    <message>
        <source>Закрыть</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Понятно</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Зал</source>
        <translation>Hall</translation>
    </message>
    <message>
        <source>Кухня</source>
        <translation>Kitchen</translation>
    </message>
    <message>
        <source>Записи</source>
        <translation>Appointments</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::MasterPickerDialog</name>
    <message>
        <source>Мастеров нет: администратор назначает их командой sigmactl staff master.</source>
        <translation>No masters: the administrator assigns them with sigmactl staff master.</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ModifierDialog</name>
    <message>
        <source>Добавить</source>
        <translation>Add</translation>
    </message>
    <message>
        <source>обязательно, выберите %1</source>
        <translation>required, choose %1</translation>
    </message>
    <message>
        <source>обязательно, от %1 до %2</source>
        <translation>required, %1 to %2</translation>
    </message>
    <message>
        <source>по желанию, не больше %1</source>
        <translation>optional, up to %1</translation>
    </message>
    <message>
        <source>Комментарий для кухни, например «без лука»</source>
        <translation>Comment for the kitchen, e.g. “no onion”</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Цена: %1</source>
        <translation>Price: %1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::OrderScreen</name>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Поиск блюда</source>
        <translation>Search dishes</translation>
    </message>
    <message>
        <source>Блюдо (● ещё не на кухне, ✓ отправлено)</source>
        <translation>Dish (● not sent yet, ✓ sent)</translation>
    </message>
    <message>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>◀ Зал</source>
        <translation>◀ Hall</translation>
    </message>
    <message>
        <source>Гости</source>
        <translation>Guests</translation>
    </message>
    <message>
        <source>Комментарий</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>На кухню</source>
        <translation>To kitchen</translation>
    </message>
    <message>
        <source>Пречек</source>
        <translation>Pre-bill</translation>
    </message>
    <message>
        <source>Разделить</source>
        <translation>Split</translation>
    </message>
    <message>
        <source>Перенести</source>
        <translation>Move</translation>
    </message>
    <message>
        <source>Отменить заказ</source>
        <translation>Cancel order</translation>
    </message>
    <message>
        <source>Стол %1 · заказ № %2 · гостей %3</source>
        <translation>Table %1 · order No. %2 · guests %3</translation>
    </message>
    <message>
        <source>
  отменено (кухня предупреждена)</source>
        <translation>
  cancelled (the kitchen is told)</translation>
    </message>
    <message>
        <source>Чек %1: %2%3</source>
        <translation>Receipt %1: %2%3</translation>
    </message>
    <message>
        <source> — оплачен</source>
        <translation> — paid</translation>
    </message>
    <message>
        <source>Итого: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Оплатить чек %1 — %2</source>
        <translation>Pay receipt %1 — %2</translation>
    </message>
    <message>
        <source>Ничего не найдено</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Добавлено: %1</source>
        <translation>Added: %1</translation>
    </message>
    <message>
        <source>Количество</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Сколько порций</source>
        <translation>How many portions</translation>
    </message>
    <message>
        <source>Количество изменено</source>
        <translation>Quantity changed</translation>
    </message>
    <message>
        <source>Позиция удалена; если кухня её уже получила, при отправке уйдёт отмена</source>
        <translation>Line removed; if the kitchen had it, the next send tells it to cancel</translation>
    </message>
    <message>
        <source>Для кухни, например «без лука»</source>
        <translation>For the kitchen, e.g. “no onion”</translation>
    </message>
    <message>
        <source>Комментарий сохранён</source>
        <translation>Comment saved</translation>
    </message>
    <message>
        <source>Сколько гостей за столом</source>
        <translation>How many guests at the table</translation>
    </message>
    <message>
        <source>Гостей: %1</source>
        <translation>Guests: %1</translation>
    </message>
    <message>
        <source>Отправляю на кухню…</source>
        <translation>Sending to the kitchen…</translation>
    </message>
    <message>
        <source>№ %1 → %2</source>
        <translation>No. %1 → %2</translation>
    </message>
    <message>
        <source>экран кухни</source>
        <translation>kitchen screen</translation>
    </message>
    <message>
        <source>На кухню отправлено тикетов: %1 (%2). Печать идёт из очереди, её состояние — ниже.</source>
        <translation>Tickets sent to the kitchen: %1 (%2). They print from the queue; its state is shown below.</translation>
    </message>
    <message>
        <source>Печать пречека…</source>
        <translation>Printing the pre-bill…</translation>
    </message>
    <message>
        <source>Пречек напечатан: %1</source>
        <translation>Pre-bill printed: %1</translation>
    </message>
    <message>
        <source>Заказ теперь за столом %1</source>
        <translation>The order is now at table %1</translation>
    </message>
    <message>
        <source>Причина (попадёт в журнал)</source>
        <translation>Reason (goes to the journal)</translation>
    </message>
    <message>
        <source>Счёт разделён, чеков: %1</source>
        <translation>Bill split, receipts: %1</translation>
    </message>
    <message>
        <source>Оставить
на смену</source>
        <translation>Keep open
past shift</translation>
    </message>
    <message>
        <source>Оставить заказ открытым</source>
        <translation>Keep the order open</translation>
    </message>
    <message>
        <source>Заказ останется открытым после закрытия смены. Причина (попадёт в журнал)</source>
        <translation>The order stays open after the shift is closed. Reason (goes to the journal)</translation>
    </message>
    <message>
        <source>Заказ останется открытым: смену можно закрыть</source>
        <translation>The order stays open: the shift can be closed</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::PackagePicker</name>
    <message>
        <source>Обновить
список</source>
        <translation>Refresh
list</translation>
    </message>
    <message>
        <source>%1  (%2 КБ, %3)</source>
        <translation>%1  (%2 KB, %3)</translation>
    </message>
    <message>
        <source>Пакетов не найдено на USB-накопителе и в каталоге данных: вставьте накопитель и нажмите «Обновить список»</source>
        <translation>No packages on the USB stick or in the data directory: insert the stick and press &quot;Refresh list&quot;</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::PaymentDialog</name>
    <message>
        <source>Без бумажного чека</source>
        <translation>No paper receipt</translation>
    </message>
    <message>
        <source>Повторить оплату картой</source>
        <translation>Retry card payment</translation>
    </message>
    <message>
        <source>Продолжить печать</source>
        <translation>Continue printing</translation>
    </message>
    <message>
        <source>Оплата</source>
        <translation>Payment</translation>
    </message>
    <message>
        <source>К оплате: %1</source>
        <translation>To pay: %1</translation>
    </message>
    <message>
        <source>Получено наличными, ₽</source>
        <translation>Cash received, ₽</translation>
    </message>
    <message>
        <source>Без сдачи</source>
        <translation>Exact amount</translation>
    </message>
    <message>
        <source>Наличными</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Картой</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Смешанная</source>
        <translation>Mixed</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Новая продажа</source>
        <translation>New sale</translation>
    </message>
    <message>
        <source>Сдача: —</source>
        <translation>Change: —</translation>
    </message>
    <message>
        <source>Введите сумму, например 1000 или 999,50</source>
        <translation>Enter an amount, e.g. 1000 or 999.50</translation>
    </message>
    <message>
        <source>Сдача: %1</source>
        <translation>Change: %1</translation>
    </message>
    <message>
        <source>Не хватает: %1 (остаток можно оплатить картой — «Смешанная»)</source>
        <translation>Short by %1 (the rest can be paid by card — “Mixed”)</translation>
    </message>
    <message>
        <source>Для смешанной оплаты введите сумму наличными меньше суммы чека</source>
        <translation>For a mixed payment enter a cash amount below the receipt total</translation>
    </message>
    <message>
        <source>Печать чека…</source>
        <translation>Printing the receipt…</translation>
    </message>
    <message>
        <source>Приложите карту к терминалу оплаты. Ожидание ответа банка…</source>
        <translation>Tap the card on the card terminal. Waiting for the bank…</translation>
    </message>
    <message>
        <source>Время ожидания истекло, оплата не прошла.
</source>
        <translation>Timed out, the payment did not go through.
</translation>
    </message>
    <message>
        <source>Чек пробит
ФД № %1 · ФП %2
Сумма: %3</source>
        <translation>Receipt done
FD No. %1 · FS %2
Total: %3</translation>
    </message>
    <message>
        <source>
Сдача: %1</source>
        <translation>
Change: %1</translation>
    </message>
    <message>
        <source>Чек сохранён и будет проведён, когда касса ответит.
Ничего не пробивайте повторно.</source>
        <translation>The receipt is saved and will be completed when the register answers.
Do not ring it up again.</translation>
    </message>
    <message>
        <source>

Печать завершена</source>
        <translation>

Printing finished</translation>
    </message>
    <message>
        <source>Телефон или e-mail для чека</source>
        <translation>Phone or e-mail for the receipt</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::PinPad</name>
    <message>
        <source>Войти</source>
        <translation>Log in</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::PrintPump</name>
    <message>
        <source>%1: готов</source>
        <translation>%1: ready</translation>
    </message>
    <message>
        <source>%1: ждут печати %2 — нет связи или ошибка принтера</source>
        <translation>%1: %2 waiting — no connection or a printer error</translation>
    </message>
    <message>
        <source>%1: в очереди %2</source>
        <translation>%1: %2 queued</translation>
    </message>
    <message>
        <source>Кухонных принтеров нет: тикеты только на экране кухни</source>
        <translation>No kitchen printers: tickets are on the kitchen screen only</translation>
    </message>
    <message>
        <source>Принтеры кухни — %1</source>
        <translation>Kitchen printers — %1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::RegistrationWizard</name>
    <message>
        <source>Регистрация в Сигма Облаке</source>
        <translation>Registration in Sigma Cloud</translation>
    </message>
    <message>
        <source>Торговля</source>
        <translation>Retail</translation>
    </message>
    <message>
        <source>Услуги</source>
        <translation>Services</translation>
    </message>
    <message>
        <source>Еда</source>
        <translation>Food</translation>
    </message>
    <message>
        <source>owner@example.ru</source>
        <translation>owner@example.com</translation>
    </message>
    <message>
        <source>код из договора с продавцом</source>
        <translation>code from the seller&apos;s contract</translation>
    </message>
    <message>
        <source>6 цифр с карточки терминала</source>
        <translation>6 digits from the terminal&apos;s card</translation>
    </message>
    <message>
        <source>Приложение</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Телефон владельца</source>
        <translation>Owner&apos;s phone</translation>
    </message>
    <message>
        <source>E-mail владельца</source>
        <translation>Owner&apos;s e-mail</translation>
    </message>
    <message>
        <source>Код продавца</source>
        <translation>Seller code</translation>
    </message>
    <message>
        <source>PIN активации</source>
        <translation>Activation PIN</translation>
    </message>
    <message>
        <source>Получить код по SMS</source>
        <translation>Get SMS code</translation>
    </message>
    <message>
        <source>Назад</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Подтвердить</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Отменить</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Проверьте почту и задайте пароль</source>
        <translation>Check your e-mail and set a password</translation>
    </message>
    <message>
        <source>Отменить ожидание</source>
        <translation>Stop waiting</translation>
    </message>
    <message>
        <source>Терминал активирован</source>
        <translation>Terminal activated</translation>
    </message>
    <message>
        <source>Начать работу</source>
        <translation>Start working</translation>
    </message>
    <message>
        <source>Ждём, пока владелец задаст пароль…</source>
        <translation>Waiting for the owner to set the password…</translation>
    </message>
    <message>
        <source>Облако: %1 (меняется в сервисном режиме)</source>
        <translation>Cloud: %1 (changed in service mode)</translation>
    </message>
    <message>
        <source>Заводской номер ККТ: %1
%2</source>
        <translation>Register serial: %1
%2</translation>
    </message>
    <message>
        <source>Введите код из SMS, отправленного на телефон владельца.</source>
        <translation>Enter the code from the SMS sent to the owner&apos;s phone.</translation>
    </message>
    <message>
        <source>Владельцу отправлено письмо со ссылкой. Откройте её и задайте пароль личного кабинета: терминал активируется сам.</source>
        <translation>An e-mail with a link was sent to the owner. Open it and set the cabinet password: the terminal activates by itself.</translation>
    </message>
    <message>
        <source>Выберите приложение: Торговля, Услуги или Еда.</source>
        <translation>Choose the app: Retail, Services or Food.</translation>
    </message>
    <message>
        <source>Введите телефон владельца полностью: +7 и 10 цифр.</source>
        <translation>Enter the owner&apos;s full phone number: +7 and 10 digits.</translation>
    </message>
    <message>
        <source>Введите e-mail владельца в виде name@example.ru: на него придёт ссылка для пароля.</source>
        <translation>Enter the owner&apos;s e-mail as name@example.com: the password link goes there.</translation>
    </message>
    <message>
        <source>Введите код продавца: он указан в договоре с продавцом терминала.</source>
        <translation>Enter the seller code: it is in the contract with the terminal&apos;s seller.</translation>
    </message>
    <message>
        <source>PIN активации — 6 цифр с карточки, приложенной к терминалу.</source>
        <translation>The activation PIN is the 6 digits on the card that came with the terminal.</translation>
    </message>
    <message>
        <source>Нет связи с облаком (%1). Проверьте интернет и адрес облака и попробуйте ещё раз.</source>
        <translation>No connection to the cloud (%1). Check the internet and the cloud address and try again.</translation>
    </message>
    <message>
        <source>Неверный PIN активации, или он уже использован. Проверьте цифры на карточке; если PIN уже вводился на другом терминале, попросите у продавца новый.</source>
        <translation>Wrong activation PIN, or it has been used. Check the digits on the card; if the PIN was entered on another terminal, ask the seller for a new one.</translation>
    </message>
    <message>
        <source>Слишком много попыток. %1</source>
        <translation>Too many attempts. %1</translation>
    </message>
    <message>
        <source>Неверный или просроченный код из SMS. Проверьте код и введите снова.</source>
        <translation>Wrong or expired SMS code. Check the code and enter it again.</translation>
    </message>
    <message>
        <source>Код отправлен в SMS на %1. Введите его:</source>
        <translation>The code was sent by SMS to %1. Enter it:</translation>
    </message>
    <message>
        <source>Код из SMS — 6 цифр.</source>
        <translation>The SMS code is 6 digits.</translation>
    </message>
    <message>
        <source>%1 Повторим через несколько секунд (проверка в %2).</source>
        <translation>%1 Retrying in a few seconds (checked at %2).</translation>
    </message>
    <message>
        <source>Ждём, пока владелец задаст пароль… (проверено в %1)</source>
        <translation>Waiting for the owner to set the password… (checked at %1)</translation>
    </message>
    <message>
        <source>Личный кабинет и терминал активны. Приложение «%1» закреплено за этим терминалом. Чеки отправляются в облако автоматически, в том числе после перерыва в связи.</source>
        <translation>The cabinet and the terminal are active. The “%1” app is locked to this terminal. Receipts go to the cloud automatically, also after a connection break.</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ReturnScreen</name>
    <message>
        <source>Оформить возврат</source>
        <translation>Refund</translation>
    </message>
    <message>
        <source>Номер ФД из чека или отсканируйте QR-код чека</source>
        <translation>FD number from the receipt, or scan its QR code</translation>
    </message>
    <message>
        <source>Найти чек</source>
        <translation>Find receipt</translation>
    </message>
    <message>
        <source>Возврат без чека</source>
        <translation>Return without receipt</translation>
    </message>
    <message>
        <source>Изменить кол-во</source>
        <translation>Change qty</translation>
    </message>
    <message>
        <source>Товар</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Продано</source>
        <translation>Sold</translation>
    </message>
    <message>
        <source>Вернуть</source>
        <translation>Return</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Чеки за день</source>
        <translation>Receipts of the day</translation>
    </message>
    <message>
        <source>Предыдущий день</source>
        <translation>Previous day</translation>
    </message>
    <message>
        <source>Следующий день</source>
        <translation>Next day</translation>
    </message>
    <message>
        <source>Введите номер фискального документа (ФД) из чека</source>
        <translation>Enter the fiscal document (FD) number from the receipt</translation>
    </message>
    <message>
        <source>Чек не найден</source>
        <translation>Receipt not found</translation>
    </message>
    <message>
        <source> и ещё %1</source>
        <translation> and %1 more</translation>
    </message>
    <message>
        <source>%1 · ФД № %2 · %3 · %4</source>
        <translation>%1 · FD No. %2 · %3 · %4</translation>
    </message>
    <message>
        <source>За %1 продаж нет</source>
        <translation>No sales on %1</translation>
    </message>
    <message>
        <source>Продажи за %1: %2. Выберите чек.</source>
        <translation>Sales on %1: %2. Choose the receipt.</translation>
    </message>
    <message>
        <source>Найдите чек продажи: номер ФД, QR-код с чека или день покупки.</source>
        <translation>Find the sale receipt: FD number, the receipt&apos;s QR code or the day of purchase.</translation>
    </message>
    <message>
        <source>Это не QR-код кассового чека. Отсканируйте QR-код внизу чека.</source>
        <translation>This is not a receipt QR code. Scan the QR code at the bottom of the receipt.</translation>
    </message>
    <message>
        <source>Чек продажи № %1 не найден на этой кассе</source>
        <translation>Sale receipt No. %1 is not on this till</translation>
    </message>
    <message>
        <source>Чек ФД № %1 на %2. Отметьте количество к возврату.</source>
        <translation>Receipt FD No. %1 for %2. Mark the quantities to return.</translation>
    </message>
    <message>
        <source>Нечего возвращать: укажите количество</source>
        <translation>Nothing to return: enter a quantity</translation>
    </message>
    <message>
        <source>Возврат… (деньги вернутся тем же способом, что и при оплате)</source>
        <translation>Refunding… (the money goes back the way it was paid)</translation>
    </message>
    <message>
        <source>Возврат проведён: ФД № %1, сумма %2</source>
        <translation>Refund done: FD No. %1, amount %2</translation>
    </message>
    <message>
        <source>PIN старшего кассира</source>
        <translation>Senior cashier&apos;s PIN</translation>
    </message>
    <message>
        <source>Сумма, ₽</source>
        <translation>Amount, ₽</translation>
    </message>
    <message>
        <source>Возврат…</source>
        <translation>Refunding…</translation>
    </message>
    <message>
        <source>Возврат без чека проведён: ФД № %1, сумма %2</source>
        <translation>Return without receipt done: FD No. %1, amount %2</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::SaleScreen</name>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Поиск: название, код или штрихкод</source>
        <translation>Search: name, code or barcode</translation>
    </message>
    <message>
        <source>Свободная цена</source>
        <translation>Free price</translation>
    </message>
    <message>
        <source>Отложить чек</source>
        <translation>Hold receipt</translation>
    </message>
    <message>
        <source>Отложенные</source>
        <translation>Held</translation>
    </message>
    <message>
        <source>Товар</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Скидка</source>
        <translation>Discount</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Скидка на чек</source>
        <translation>Receipt discount</translation>
    </message>
    <message>
        <source>Без категории</source>
        <translation>No category</translation>
    </message>
    <message>
        <source> / кг</source>
        <translation> / kg</translation>
    </message>
    <message>
        <source>Ничего не найдено</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source> (скидка)</source>
        <translation> (discount)</translation>
    </message>
    <message>
        <source>Итого: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Отсканируйте товар или найдите его поиском</source>
        <translation>Scan a product or find it by search</translation>
    </message>
    <message>
        <source>Скидка: %1</source>
        <translation>Discount: %1</translation>
    </message>
    <message>
        <source>Позиций: %1</source>
        <translation>Lines: %1</translation>
    </message>
    <message>
        <source>Количество</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Скидка на позицию</source>
        <translation>Line discount</translation>
    </message>
    <message>
        <source>Сумма в рублях или процент (например 10%)</source>
        <translation>An amount in roubles or a percentage (e.g. 10%)</translation>
    </message>
    <message>
        <source>Сумма в рублях или процент (например 5%)</source>
        <translation>An amount in roubles or a percentage (e.g. 5%)</translation>
    </message>
    <message>
        <source>Товар по свободной цене</source>
        <translation>Free-price item</translation>
    </message>
    <message>
        <source>Название</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Цена, ₽</source>
        <translation>Price, ₽</translation>
    </message>
    <message>
        <source>Отложенные чеки</source>
        <translation>Held receipts</translation>
    </message>
    <message>
        <source>%1 · позиций: %2 %3</source>
        <translation>%1 · lines: %2 %3</translation>
    </message>
    <message>
        <source>Отложенных чеков нет</source>
        <translation>No held receipts</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ServiceScreen</name>
    <message>
        <source>ККТ</source>
        <translation>Register</translation>
    </message>
    <message>
        <source>Весы</source>
        <translation>Scale</translation>
    </message>
    <message>
        <source>Сохранить настройки</source>
        <translation>Save settings</translation>
    </message>
    <message>
        <source>Информация о ККТ</source>
        <translation>Register info</translation>
    </message>
    <message>
        <source>Состояние ККТ</source>
        <translation>Register status</translation>
    </message>
    <message>
        <source>Тестовая печать</source>
        <translation>Test print</translation>
    </message>
    <message>
        <source>Проверить журнал</source>
        <translation>Check journal</translation>
    </message>
    <message>
        <source>Журнал работы</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>Драйвер ККТ</source>
        <translation>Register driver</translation>
    </message>
    <message>
        <source>Сохранить и подключить</source>
        <translation>Save and connect</translation>
    </message>
    <message>
        <source>Ноль</source>
        <translation>Zero</translation>
    </message>
    <message>
        <source>Тара</source>
        <translation>Tare</translation>
    </message>
    <message>
        <source>Драйвер весов</source>
        <translation>Scale driver</translation>
    </message>
    <message>
        <source>Весы не подключены</source>
        <translation>No scale connected</translation>
    </message>
    <message>
        <source>Чтение весов…</source>
        <translation>Reading the scale…</translation>
    </message>
    <message>
        <source>Весы не подключены: выберите драйвер и сохраните.</source>
        <translation>No scale connected: choose a driver and save.</translation>
    </message>
    <message>
        <source>Настройки сохранены. Перезапустите приложение, чтобы применить их.</source>
        <translation>Settings saved. Restart the app to apply them.</translation>
    </message>
    <message>
        <source>%1 кг</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>● Вес стабилен</source>
        <translation>● Weight stable</translation>
    </message>
    <message>
        <source>Вес не установился: не трогайте весы</source>
        <translation>Weight not settled: do not touch the scale</translation>
    </message>
    <message>
        <source>На весах ничего нет</source>
        <translation>Nothing on the scale</translation>
    </message>
    <message>
        <source>Вес меньше нуля: снимите тару или нажмите «Ноль»</source>
        <translation>Below zero: remove the tare or press “Zero”</translation>
    </message>
    <message>
        <source>Перегрузка: снимите товар с весов</source>
        <translation>Overload: take the goods off the scale</translation>
    </message>
    <message>
        <source>Журнал в порядке: проверено событий: %1</source>
        <translation>The journal is intact: %1 events checked</translation>
    </message>
    <message>
        <source>Журнал повреждён с события %1: %2</source>
        <translation>The journal is damaged from event %1: %2</translation>
    </message>
    <message>
        <source>Журнал работы пуст (%1)</source>
        <translation>The log is empty (%1)</translation>
    </message>
    <message>
        <source>Не удалось открыть %1</source>
        <translation>Cannot open %1</translation>
    </message>
    <message>
        <source>Облако и синхронизация</source>
        <translation>Cloud and sync</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ServiceSections</name>
    <message>
        <source>Устройства</source>
        <translation>Devices</translation>
    </message>
    <message>
        <source>Обновления</source>
        <translation>Updates</translation>
    </message>
    <message>
        <source>Диагностика</source>
        <translation>Diagnostics</translation>
    </message>
    <message>
        <source>Прошивка ККТ</source>
        <translation>Register firmware</translation>
    </message>
    <message>
        <source>Регистрация ККТ</source>
        <translation>Register registration</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ServicesMessage</name>
    <message>
        <source>Мастер уже занят с %1 до %2. Выберите другое время или мастера.</source>
        <translation>The master is already booked from %1 to %2. Choose another time or master.</translation>
    </message>
    <message>
        <source>Мастер уже занят в это время. Выберите другое время или мастера.</source>
        <translation>The master is already booked at this time. Choose another time or master.</translation>
    </message>
    <message>
        <source>Мастер работает с %1 до %2: запись не помещается в рабочее время.</source>
        <translation>The master works from %1 to %2: the appointment does not fit into the working hours.</translation>
    </message>
    <message>
        <source>Запись не помещается в рабочее время мастера.</source>
        <translation>The appointment does not fit into the master&apos;s working hours.</translation>
    </message>
    <message>
        <source>Эту запись уже нельзя менять: она выполнена, отменена или оплачивается.</source>
        <translation>This appointment can no longer be changed: it is done, cancelled or being paid.</translation>
    </message>
    <message>
        <source>Запись не найдена — возможно, её удалили. Обновите день.</source>
        <translation>Appointment not found: it may have been removed. Reload the day.</translation>
    </message>
    <message>
        <source>Время записи указано неверно.</source>
        <translation>The appointment time is not valid.</translation>
    </message>
    <message>
        <source>Этот сотрудник не мастер или не работает. Выберите другого мастера.</source>
        <translation>This employee is not a master or not active. Choose another master.</translation>
    </message>
    <message>
        <source>Укажите причину отмены.</source>
        <translation>Give the reason for cancelling.</translation>
    </message>
    <message>
        <source>В записи нет услуг — добавьте хотя бы одну.</source>
        <translation>The appointment has no services: add at least one.</translation>
    </message>
    <message>
        <source>Клиент не найден.</source>
        <translation>Customer not found.</translation>
    </message>
    <message>
        <source>Введите не меньше 3 цифр телефона или 2 букв имени.</source>
        <translation>Type at least 3 digits of the phone or 2 letters of the name.</translation>
    </message>
    <message>
        <source>Телефон указан неверно: нужен российский номер +7 и ещё 10 цифр, например +7 (916) 123-45-67.</source>
        <translation>The phone is not valid: a Russian number is +7 and 10 more digits, e.g. +7 (916) 123-45-67.</translation>
    </message>
    <message>
        <source>Клиент с этим телефоном уже есть — найдите его поиском.</source>
        <translation>A customer with this phone already exists: find them by search.</translation>
    </message>
    <message>
        <source>Сначала завершите или отложите текущую продажу.</source>
        <translation>Finish or hold the current sale first.</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ServicesSaleScreen</name>
    <message>
        <source>Оплатить</source>
        <translation>Pay</translation>
    </message>
    <message>
        <source>Поиск услуги</source>
        <translation>Search services</translation>
    </message>
    <message>
        <source>Клиент</source>
        <translation>Customer</translation>
    </message>
    <message>
        <source>Карточка</source>
        <translation>Card</translation>
    </message>
    <message>
        <source>Без клиента</source>
        <translation>No customer</translation>
    </message>
    <message>
        <source>Услуга</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Мастер</source>
        <translation>Master</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Мастер строки</source>
        <translation>Line&apos;s master</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Выберите строку, затем мастера</source>
        <translation>Select a line, then the master</translation>
    </message>
    <message>
        <source>Ничего не найдено</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Кто делает «%1»?</source>
        <translation>Who does “%1”?</translation>
    </message>
    <message>
        <source>Мастер для следующих услуг</source>
        <translation>Master for the next services</translation>
    </message>
    <message>
        <source>Добавьте услугу</source>
        <translation>Add a service</translation>
    </message>
    <message>
        <source>— выбрать —</source>
        <translation>— choose —</translation>
    </message>
    <message>
        <source>(не мастер)</source>
        <translation>(not a master)</translation>
    </message>
    <message>
        <source>Нажмите, чтобы сменить мастера</source>
        <translation>Tap to change the master</translation>
    </message>
    <message>
        <source>Итого: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>Клиент не выбран</source>
        <translation>No customer chosen</translation>
    </message>
    <message>
        <source>Клиент: %1</source>
        <translation>Customer: %1</translation>
    </message>
    <message>
        <source>выбран</source>
        <translation>chosen</translation>
    </message>
    <message>
        <source>По записи: %1</source>
        <translation>From the appointment: %1</translation>
    </message>
    <message>
        <source>Мастер для новых услуг:
%1</source>
        <translation>Master for new services:
%1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::SettingsScreen</name>
    <message>
        <source>Язык интерфейса</source>
        <translation>Interface language</translation>
    </message>
    <message>
        <source>Меняется сразу, для всех кассиров этой кассы. Чеки печатаются по-русски.</source>
        <translation>Changes at once, for every cashier of this till. Receipts are printed in Russian.</translation>
    </message>
    <message>
        <source>Язык переключён, но не сохранён: не удалось записать config.json</source>
        <translation>Language switched but not saved: config.json could not be written</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::ShiftScreen</name>
    <message>
        <source>Открыть смену</source>
        <translation>Open shift</translation>
    </message>
    <message>
        <source>X-отчёт</source>
        <translation>X report</translation>
    </message>
    <message>
        <source>Закрыть смену (Z)</source>
        <translation>Close shift (Z)</translation>
    </message>
    <message>
        <source>Пересчёт наличных</source>
        <translation>Cash count</translation>
    </message>
    <message>
        <source>Сколько денег в ящике, ₽</source>
        <translation>Cash in the drawer, ₽</translation>
    </message>
    <message>
        <source>Подтвердить и закрыть смену</source>
        <translation>Confirm and close the shift</translation>
    </message>
    <message>
        <source>Пересчитайте наличные в ящике и введите сумму. Ожидаемая сумма будет показана после ввода.</source>
        <translation>Count the cash in the drawer and enter the amount. The expected amount is shown after you enter it.</translation>
    </message>
    <message>
        <source>Внесение и выплата</source>
        <translation>Cash in and cash out</translation>
    </message>
    <message>
        <source>Сумма, ₽</source>
        <translation>Amount, ₽</translation>
    </message>
    <message>
        <source>Основание (необязательно)</source>
        <translation>Reason (optional)</translation>
    </message>
    <message>
        <source>Внесение</source>
        <translation>Cash in</translation>
    </message>
    <message>
        <source>Выплата</source>
        <translation>Cash out</translation>
    </message>
    <message>
        <source>Смена %1 открыта</source>
        <translation>Shift %1 opened</translation>
    </message>
    <message>
        <source>X-отчёт напечатан</source>
        <translation>X report printed</translation>
    </message>
    <message>
        <source>Введите сумму, например 1500 или 1500,50</source>
        <translation>Enter an amount, e.g. 1500 or 1500.50</translation>
    </message>
    <message>
        <source>Расхождений нет</source>
        <translation>No difference</translation>
    </message>
    <message>
        <source>Излишек: %1</source>
        <translation>Over: %1</translation>
    </message>
    <message>
        <source>Недостача: %1</source>
        <translation>Short: %1</translation>
    </message>
    <message>
        <source>Смена %1 закрыта.
По данным кассы: %2
Пересчитано: %3
%4</source>
        <translation>Shift %1 closed.
Expected by the till: %2
Counted: %3
%4</translation>
    </message>
    <message>
        <source>Введите сумму больше нуля</source>
        <translation>Enter an amount above zero</translation>
    </message>
    <message>
        <source>Внесено %1</source>
        <translation>Cash in: %1</translation>
    </message>
    <message>
        <source>Выплачено %1</source>
        <translation>Cash out: %1</translation>
    </message>
    <message>
        <source>Смена закрыта</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>Касса печатает…</source>
        <translation>The register is printing…</translation>
    </message>
    <message>
        <source>Смена</source>
        <translation>Shift</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::SplitDialog</name>
    <message>
        <source>Разделить счёт</source>
        <translation>Split the bill</translation>
    </message>
    <message>
        <source>Поровну на всех</source>
        <translation>Equally</translation>
    </message>
    <message>
        <source>на %1</source>
        <translation>into %1</translation>
    </message>
    <message>
        <source>По позициям: нажмите позицию, чтобы перенести её в другой чек</source>
        <translation>By lines: tap a line to move it to another receipt</translation>
    </message>
    <message>
        <source>Чеков: </source>
        <translation>Receipts: </translation>
    </message>
    <message>
        <source>Позиция</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Сумма</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Чек</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Разделить по позициям</source>
        <translation>Split by lines</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>№ %1</source>
        <translation>No. %1</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::StageProgress</name>
    <message>
        <source>Загрузка пакета</source>
        <translation>Downloading the package</translation>
    </message>
    <message>
        <source>Проверка подписи и файлов (ничего не записано)</source>
        <translation>Checking the signature and files (nothing written)</translation>
    </message>
    <message>
        <source>Запись новой версии рядом с текущей</source>
        <translation>Writing the new version beside the current one</translation>
    </message>
    <message>
        <source>Переключение на новую версию</source>
        <translation>Switching to the new version</translation>
    </message>
    <message>
        <source>Запись прошивки в резервный банк ККТ</source>
        <translation>Writing the firmware to the register&apos;s spare bank</translation>
    </message>
    <message>
        <source>Готово</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Ожидание</source>
        <translation>Waiting</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::StatusBar</name>
    <message>
        <source>ККТ: …</source>
        <translation>Register: …</translation>
    </message>
    <message>
        <source>Вход не выполнен</source>
        <translation>Not logged in</translation>
    </message>
    <message>
        <source>Смена: ?</source>
        <translation>Shift: ?</translation>
    </message>
    <message>
        <source>Смена закрыта</source>
        <translation>Shift closed</translation>
    </message>
    <message>
        <source>Смена %1 · %2</source>
        <translation>Shift %1 · %2</translation>
    </message>
    <message>
        <source>Смена %1 &gt; 24 ч: закройте</source>
        <translation>Shift %1 &gt; 24 h: close it</translation>
    </message>
    <message>
        <source>Облако: ?</source>
        <translation>Cloud: ?</translation>
    </message>
    <message>
        <source>Облако: всё отправлено</source>
        <translation>Cloud: all sent</translation>
    </message>
    <message>
        <source>Облако: %1 не отпр., %2</source>
        <translation>Cloud: %1 unsent, %2</translation>
    </message>
    <message>
        <source>ККТ: нет связи</source>
        <translation>Register: no connection</translation>
    </message>
    <message>
        <source>нет бумаги</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>открыта крышка</source>
        <translation>cover open</translation>
    </message>
    <message>
        <source>заблокирована</source>
        <translation>blocked</translation>
    </message>
    <message>
        <source>ОФД: ок</source>
        <translation>OFD: ok</translation>
    </message>
    <message>
        <source>ОФД: %1 док., %2 дн. (блок через %3)</source>
        <translation>OFD: %1 docs, %2 d (blocks in %3)</translation>
    </message>
    <message>
        <source>ККТ готова · %1</source>
        <translation>Register ready · %1</translation>
    </message>
    <message>
        <source>ККТ: %1 · %2</source>
        <translation>Register: %1 · %2</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::StockScreen</name>
    <message>
        <source>Провести</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Поставщик или причина списания</source>
        <translation>Supplier or write-off reason</translation>
    </message>
    <message>
        <source>Приход</source>
        <translation>Receiving</translation>
    </message>
    <message>
        <source>Списание</source>
        <translation>Write-off</translation>
    </message>
    <message>
        <source>Инвентаризация</source>
        <translation>Stock count</translation>
    </message>
    <message>
        <source>Отсканируйте товар или найдите его поиском</source>
        <translation>Scan a product or find it by search</translation>
    </message>
    <message>
        <source>Товар</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Кол-во</source>
        <translation>Qty</translation>
    </message>
    <message>
        <source>Цена закупки</source>
        <translation>Cost price</translation>
    </message>
    <message>
        <source>Удалить</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Новый документ</source>
        <translation>New document</translation>
    </message>
    <message>
        <source>Документы</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Выберите документ или создайте новый</source>
        <translation>Choose a document or create a new one</translation>
    </message>
    <message>
        <source>%1
%2 · позиций: %3</source>
        <translation>%1
%2 · lines: %3</translation>
    </message>
    <message>
        <source>Сканируйте товары или найдите их поиском, затем нажмите «Провести».</source>
        <translation>Scan the goods or find them by search, then press “Post”.</translation>
    </message>
    <message>
        <source> · поставщик: %1</source>
        <translation> · supplier: %1</translation>
    </message>
    <message>
        <source> · причина: %1</source>
        <translation> · reason: %1</translation>
    </message>
    <message>
        <source>Найдено</source>
        <translation>Counted</translation>
    </message>
    <message>
        <source>Документ проведён и отправляется в облако; изменить его нельзя.</source>
        <translation>The document is posted and goes to the cloud; it cannot be changed.</translation>
    </message>
    <message>
        <source>Сначала создайте документ: «Приход», «Списание» или «Инвентаризация».</source>
        <translation>First create a document: “Receiving”, “Write-off” or “Stock count”.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Ничего не найдено</source>
        <translation>Nothing found</translation>
    </message>
    <message>
        <source>Количество</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Новое количество</source>
        <translation>New quantity</translation>
    </message>
    <message>
        <source>%1 проведён: позиций %2. Документ уйдёт в облако при синхронизации.</source>
        <translation>%1 posted: %2 lines. The document goes to the cloud with the next sync.</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::TablePickDialog</name>
    <message>
        <source>Перенести заказ</source>
        <translation>Move the order</translation>
    </message>
    <message>
        <source>Свободный стол — заказ переедет туда. Занятый — заказы объединятся.</source>
        <translation>A free table: the order moves there. An occupied one: the orders merge.</translation>
    </message>
    <message>
        <source>
свободен</source>
        <translation>
free</translation>
    </message>
    <message>
        <source>
объединить · %1</source>
        <translation>
merge · %1</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::UpdateMessage</name>
    <message>
        <source>Файл не является пакетом обновления</source>
        <translation>The file is not an update package</translation>
    </message>
    <message>
        <source>Выберите другой файл; ничего не изменено</source>
        <translation>Choose another file; nothing was changed</translation>
    </message>
    <message>
        <source>Пакет не подписан</source>
        <translation>The package is not signed</translation>
    </message>
    <message>
        <source>Устанавливаются только подписанные пакеты; ничего не изменено</source>
        <translation>Only signed packages are installed; nothing was changed</translation>
    </message>
    <message>
        <source>Подпись пакета неверна или сделана чужим ключом</source>
        <translation>The package signature is wrong or made with an unknown key</translation>
    </message>
    <message>
        <source>Пакет изменён или подделан; ничего не изменено. Возьмите пакет из официального источника</source>
        <translation>The package was altered or forged; nothing was changed. Take the package from the official source</translation>
    </message>
    <message>
        <source>Содержимое пакета изменено или повреждено</source>
        <translation>The package contents were altered or damaged</translation>
    </message>
    <message>
        <source>Файл в пакете не совпадает с подписанным описанием; ничего не изменено. Скачайте пакет заново</source>
        <translation>A file in the package does not match the signed manifest; nothing was changed. Download the package again</translation>
    </message>
    <message>
        <source>Пакет содержит опасные файлы</source>
        <translation>The package contains unsafe entries</translation>
    </message>
    <message>
        <source>Пакет отклонён; ничего не изменено</source>
        <translation>Package refused; nothing was changed</translation>
    </message>
    <message>
        <source>Пакет слишком большой</source>
        <translation>The package is too large</translation>
    </message>
    <message>
        <source>Версия пакета не новее установленной</source>
        <translation>The package is not newer than the installed version</translation>
    </message>
    <message>
        <source>Откат на старую версию — кнопкой «Откатить»</source>
        <translation>To go back to an older version use &quot;Roll back&quot;</translation>
    </message>
    <message>
        <source>Установленная версия слишком старая для этого пакета</source>
        <translation>The installed version is too old for this package</translation>
    </message>
    <message>
        <source>Сначала установите промежуточное обновление</source>
        <translation>Install an intermediate update first</translation>
    </message>
    <message>
        <source>Пакет предназначен для другого устройства</source>
        <translation>The package is for another component</translation>
    </message>
    <message>
        <source>Программа терминала и прошивка ККТ обновляются в разных разделах</source>
        <translation>The terminal program and the register firmware are updated in different sections</translation>
    </message>
    <message>
        <source>Недостаточно места на диске</source>
        <translation>Not enough disk space</translation>
    </message>
    <message>
        <source>Освободите место (старые журналы, загрузки) и повторите</source>
        <translation>Free some space (old logs, downloads) and retry</translation>
    </message>
    <message>
        <source>Эта версия уже установлена</source>
        <translation>This version is already installed</translation>
    </message>
    <message>
        <source>Обновление не требуется</source>
        <translation>No update needed</translation>
    </message>
    <message>
        <source>Нет предыдущей версии для отката</source>
        <translation>No previous version to roll back to</translation>
    </message>
    <message>
        <source>Откат возможен после установки обновления</source>
        <translation>A rollback is possible after an update was installed</translation>
    </message>
    <message>
        <source>Программа не установлена в каталог обновлений</source>
        <translation>The program is not installed in the update directory</translation>
    </message>
    <message>
        <source>Обновление возможно только на терминале, установленном из пакета</source>
        <translation>Updates work only on a terminal installed from a package</translation>
    </message>
    <message>
        <source>Новая версия не прошла проверку при запуске</source>
        <translation>The new version failed its start-up check</translation>
    </message>
    <message>
        <source>Терминал вернётся к предыдущей версии</source>
        <translation>The terminal will return to the previous version</translation>
    </message>
    <message>
        <source>ККТ не прошивается при открытой смене или открытом чеке</source>
        <translation>The register is not flashed while a shift or a receipt is open</translation>
    </message>
    <message>
        <source>Закройте чек и смену (Z-отчёт), затем повторите</source>
        <translation>Close the receipt and the shift (Z report), then retry</translation>
    </message>
    <message>
        <source>Прошивка ККТ выполняется утилитой производителя</source>
        <translation>The register&apos;s firmware is flashed with the manufacturer&apos;s tool</translation>
    </message>
    <message>
        <source>Этот драйвер не прошивает ККТ</source>
        <translation>This driver cannot flash the register</translation>
    </message>
    <message>
        <source>Загрузка обновления прервалась</source>
        <translation>The update download broke off</translation>
    </message>
    <message>
        <source>Проверьте связь и повторите: загрузка продолжится с места обрыва</source>
        <translation>Check the connection and retry: the download continues where it stopped</translation>
    </message>
    <message>
        <source>Хранилище ключей обновлений повреждено</source>
        <translation>The update key store is damaged</translation>
    </message>
    <message>
        <source>Обновления не устанавливаются; вызовите поддержку</source>
        <translation>Updates cannot be installed; call support</translation>
    </message>
    <message>
        <source>Ошибка обновления</source>
        <translation>Update error</translation>
    </message>
    <message>
        <source>Ничего не изменено; повторите или вызовите поддержку</source>
        <translation>Nothing was changed; retry or call support</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::UpdatesPage</name>
    <message>
        <source>Проверить в облаке</source>
        <translation>Check the cloud</translation>
    </message>
    <message>
        <source>Скачать</source>
        <translation>Download</translation>
    </message>
    <message>
        <source>Проверить пакет</source>
        <translation>Check package</translation>
    </message>
    <message>
        <source>Установить…</source>
        <translation>Install…</translation>
    </message>
    <message>
        <source>Откатить…</source>
        <translation>Roll back…</translation>
    </message>
    <message>
        <source>Что нового</source>
        <translation>What&apos;s new</translation>
    </message>
    <message>
        <source>Каталог установки: %1</source>
        <translation>Install directory: %1</translation>
    </message>
    <message>
        <source>Установлена версия %1</source>
        <translation>Installed version %1</translation>
    </message>
    <message>
        <source>Версия из пакета не установлена</source>
        <translation>No version installed from a package</translation>
    </message>
    <message>
        <source>Предыдущая версия (для отката): %1</source>
        <translation>Previous version (for rollback): %1</translation>
    </message>
    <message>
        <source>Последний сбой запуска: %1</source>
        <translation>Last failed start: %1</translation>
    </message>
    <message>
        <source>Запрос к облаку…</source>
        <translation>Asking the cloud…</translation>
    </message>
    <message>
        <source>Проверка обновлений в облаке не удалась</source>
        <translation>Checking the cloud for updates failed</translation>
    </message>
    <message>
        <source>Обновлений нет: установлена последняя версия</source>
        <translation>No updates: the latest version is installed</translation>
    </message>
    <message>
        <source>Версия %1 (%2 КБ)

%3</source>
        <translation>Version %1 (%2 KB)

%3</translation>
    </message>
    <message>
        <source>Доступна версия %1: нажмите «Скачать»</source>
        <translation>Version %1 is available: press &quot;Download&quot;</translation>
    </message>
    <message>
        <source>Загрузка не удалась</source>
        <translation>Download failed</translation>
    </message>
    <message>
        <source>Выберите файл пакета в списке</source>
        <translation>Choose a package file in the list</translation>
    </message>
    <message>
        <source>Проверка пакета…</source>
        <translation>Checking the package…</translation>
    </message>
    <message>
        <source>Пакет отклонён</source>
        <translation>Package refused</translation>
    </message>
    <message>
        <source>Пакет отклонён, ничего не изменено</source>
        <translation>Package refused, nothing was changed</translation>
    </message>
    <message>
        <source>Версия %1 (обновляет с %2)
Ключ подписи: %3

%4</source>
        <translation>Version %1 (upgrades from %2)
Signing key: %3

%4</translation>
    </message>
    <message>
        <source>Пакет проверен: подпись и все файлы в порядке</source>
        <translation>Package checked: the signature and all files are fine</translation>
    </message>
    <message>
        <source>Пакет версии %1 подписан и цел</source>
        <translation>Package version %1 is signed and intact</translation>
    </message>
    <message>
        <source>Установить версию %1? Она запишется рядом с текущей и начнёт работать после перезапуска терминала; предыдущая версия сохранится для отката. Продажи и данные не затрагиваются.</source>
        <translation>Install version %1? It is written beside the current one and runs after the terminal restarts; the previous version is kept for a rollback. Sales and data are not touched.</translation>
    </message>
    <message>
        <source>Установка не выполнена</source>
        <translation>Not installed</translation>
    </message>
    <message>
        <source>Установка отклонена, ничего не изменено</source>
        <translation>Installation refused, nothing was changed</translation>
    </message>
    <message>
        <source>Установлена версия %1. Перезапустите терминал: если новая версия не запустится, терминал сам вернётся к предыдущей.</source>
        <translation>Version %1 installed. Restart the terminal: if the new version fails to start, the terminal returns to the previous one by itself.</translation>
    </message>
    <message>
        <source>Вернуть предыдущую версию программы? Текущая останется на диске; изменения базы данных новой версии совместимы с предыдущей, продажи не теряются. Нужен перезапуск терминала.</source>
        <translation>Return to the previous program version? The current one stays on disk; the new version&apos;s database changes are compatible with the previous one, no sales are lost. The terminal must be restarted.</translation>
    </message>
    <message>
        <source>Откат не выполнен</source>
        <translation>Rollback failed</translation>
    </message>
    <message>
        <source>Выполнен откат на предыдущую версию. Перезапустите терминал.</source>
        <translation>Rolled back to the previous version. Restart the terminal.</translation>
    </message>
    <message>
        <source>Пакет загружен и сверен с облаком</source>
        <translation>Package downloaded and matched with the cloud</translation>
    </message>
    <message>
        <source>Пакет загружен: %1. Нажмите «Установить…»: подпись и файлы проверяются перед установкой</source>
        <translation>Package downloaded: %1. Press “Install…”: the signature and files are checked before installing</translation>
    </message>
</context>
<context>
    <name>sigma::terminal::WeighDialog</name>
    <message>
        <source>Взять вес</source>
        <translation>Take the weight</translation>
    </message>
    <message>
        <source>Вес</source>
        <translation>Weight</translation>
    </message>
    <message>
        <source>%1 — %2 / кг</source>
        <translation>%1 — %2 / kg</translation>
    </message>
    <message>
        <source>или введите вес, кг: 0,450</source>
        <translation>or type the weight, kg: 0.450</translation>
    </message>
    <message>
        <source>Ввести</source>
        <translation>Enter</translation>
    </message>
    <message>
        <source>Отмена</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Весы не подключены: введите вес</source>
        <translation>No scale connected: type the weight</translation>
    </message>
    <message>
        <source>Положите товар на весы</source>
        <translation>Put the goods on the scale</translation>
    </message>
    <message>
        <source>%1 кг</source>
        <translation>%1 kg</translation>
    </message>
    <message>
        <source>● Вес стабилен</source>
        <translation>● Weight stable</translation>
    </message>
    <message>
        <source>Вес не установился: не трогайте весы</source>
        <translation>Weight not settled: do not touch the scale</translation>
    </message>
    <message>
        <source>Вес меньше нуля: снимите тару или нажмите «Ноль» на весах</source>
        <translation>Weight below zero: remove the tare or press “Zero” on the scale</translation>
    </message>
    <message>
        <source>Перегрузка: снимите товар с весов</source>
        <translation>Overload: take the goods off the scale</translation>
    </message>
    <message>
        <source>Взять %1 кг</source>
        <translation>Take %1 kg</translation>
    </message>
    <message>
        <source>Вес вводится в килограммах, до 3 знаков после запятой: 0,450</source>
        <translation>The weight is in kilograms, up to 3 decimals: 0.450</translation>
    </message>
    <message>
        <source>Вес должен быть больше нуля</source>
        <translation>The weight must be above zero</translation>
    </message>
    <message>
        <source>Сумма: %1</source>
        <translation>Amount: %1</translation>
    </message>
</context>
</TS>
