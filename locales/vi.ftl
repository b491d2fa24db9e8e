# thidua-bot — tiếng Việt (mặc định).
# Quy ước: khóa "tinh-nang-noi-dung"; chỉ dùng các thẻ <b>, <i>, <u>, <code> (Telegram HTML);
# kênh không hỗ trợ HTML (console, Zalo) tự bỏ thẻ. Giá trị động luôn được thoát ký tự.

## Chung
welcome =
    <b>Xin chào!</b> Đây là trợ lý thi đua – khen thưởng của { $commune }.
    Tôi giúp tra cứu tiêu chí lựa chọn điển hình tiên tiến, chỉ tiêu của từng đơn vị và các mốc thời gian của kế hoạch.
help-title = <b>Các lệnh:</b>
help-line = /{ $command } ({ $aliases }) — { $description }
help-line-plain = /{ $command } — { $description }
help-free-text = Hoặc gõ câu hỏi, ví dụ: <i>tiêu chí y tế</i>, <i>doanh nghiep</i>, <i>gia đình nghèo vượt khó</i> (có dấu hay không dấu đều được).
unknown-command = Tôi chưa hiểu lệnh /{ $command }.
unknown-command-hint = Thử /tieuchi (tiêu chí), /chitieu (chỉ tiêu), /moc (mốc thời gian), /viectot (kể việc tốt) — hoặc /help để xem tất cả lệnh.
empty-input = Bạn hãy gõ câu hỏi hoặc một lệnh.
action-expired = Nút này đã cũ. Bạn hãy gõ lại lệnh.
input-unsupported = Hiện tôi chỉ đọc được tin nhắn chữ. Bạn hãy gõ bằng chữ nhé.
input-too-long = Tin nhắn dài quá (tối đa { $max } ký tự). Bạn hãy gõ ngắn gọn hơn nhé.
input-unreadable = Tôi không đọc được nội dung này. Bạn hãy gõ lại bằng chữ (có dấu hay không dấu đều được).
error-internal = Xin lỗi, đã có lỗi khi xử lý. Bạn hãy thử lại sau ít phút.
error-busy = Hệ thống đang bận (cơ sở dữ liệu đang được sao lưu hoặc bảo trì), yêu cầu của bạn chưa được xử lý. Bạn hãy gửi lại sau khoảng một phút.
small-talk-thanks = Dạ, không có gì! Khi cần, bạn cứ gõ câu hỏi (ví dụ: <i>tieu chi y te</i>) hoặc /help để xem các lệnh.

## Lệnh (menu)
cmd-start = Bắt đầu, giới thiệu
cmd-tieuchi = Tiêu chí lựa chọn điển hình tiên tiến
cmd-chitieu = Chỉ tiêu của từng đơn vị
cmd-moc = Các giai đoạn và mốc thời gian
cmd-lang = Đổi ngôn ngữ (Tiếng Việt / English)
cmd-help = Hướng dẫn sử dụng
cmd-guong = Các điển hình tiên tiến đã được công nhận
cmd-dangky = Đăng ký điển hình tiên tiến (cán bộ)
cmd-hoso = Hồ sơ đề nghị của đơn vị, tìm theo tên
cmd-duyet = Duyệt hồ sơ (thành viên Hội đồng)
cmd-hop = Ghi kết quả cuộc họp Hội đồng (Chủ tịch Hội đồng, bộ phận thường trực)
cmd-tiendo = Tiến độ thực hiện chỉ tiêu
cmd-moi = Tạo mã mời nhận vai trò (quản trị)
cmd-nguoi = Danh sách người có vai trò (quản trị)
cmd-thamgia = Nhận vai trò bằng mã mời
cmd-tiep = Tiếp tục việc đang làm dở
cmd-huy = Hủy việc đang làm dở
cmd-nhacnho = Bật/tắt nhắc việc và bản tin
cmd-lich = Lịch gửi tự động (quản trị)

## Ngôn ngữ
lang-choose = Chọn ngôn ngữ:
lang-set = Đã chuyển sang tiếng Việt.
lang-name = { $locale ->
        [en] English
       *[vi] Tiếng Việt
    }

## Đối tượng
subject-type = { $type ->
        [COLLECTIVE] tập thể
        [INDIVIDUAL] cá nhân
       *[HOUSEHOLD] hộ gia đình
    }

## Tiêu chí
criteria-list-title = <b>Tiêu chí lựa chọn điển hình tiên tiến</b>
    { $plan }
criteria-group = { $group ->
        [COLLECTIVE] <b>Đối với tập thể</b> (mục { $first } – { $last }):
       *[INDIVIDUAL] <b>Đối với cá nhân</b> (mục { $first } – { $last }):
    }
criteria-list-item = • { $code }. { $name }
criteria-list-hint = Chọn một lĩnh vực để xem tiêu chí, hoặc gõ câu hỏi (ví dụ: <i>tieu chi y te</i>).
criteria-button = { $code } { $name }
criteria-detail-title = <b>{ $code }. { $name }</b> (mục { $section })
criteria-detail-movement = Phong trào / lĩnh vực: { $movement }{ $inferred ->
        [yes] {" "}(gợi ý)
       *[no] {""}
    }
criteria-detail-subjects = Áp dụng cho: { $types }
criteria-eligibility = Đối tượng: <i>{ $text }</i>
criteria-scope-title = <b>Riêng đối với { $name }</b>{ $count ->
        [0] {""}
       *[other] {" "}({ $count } tiêu chí)
    }:
criteria-agency-notes-title = <b>Lưu ý cho các cơ quan, đơn vị</b> (không phải tiêu chí để chấm người, tập thể được đề nghị):
criteria-agency-note = • <i>{ $text }</i> (mục { $section })
criteria-detail-criteria-title = { $scoped ->
        [yes] <b>Tiêu chí áp dụng cho mọi đối tượng của mô hình ({ $count }):</b>
       *[no] <b>Tiêu chí ({ $count }):</b>
    }
criteria-item = { $n }. { $text }{ $cond ->
        [yes] {" "}<i>(chỉ áp dụng theo mục { $section }: “{ $condition }”)</i>
       *[no] { $conditional ->
            [yes] {" "}<i>(nếu áp dụng)</i>
           *[no] {""}
        }
    }
criteria-general-title = <b>Và các tiêu chí chung</b> (mục { $section }):
criteria-general-item = • { $text }
criteria-subjects = <i>Đối tượng lựa chọn (mục { $section }): { $text }</i>
criteria-back-to-list = « Danh sách lĩnh vực
criteria-found = { $count ->
        [one] Lĩnh vực phù hợp nhất với «{ $query }»:
       *[other] { $count } lĩnh vực phù hợp với «{ $query }»:
    }
criteria-no-match = Tôi chưa tìm thấy lĩnh vực nào khớp với «{ $query }». Bạn hãy chọn trong danh sách dưới đây, hoặc gõ từ khác (ví dụ: <i>y tế</i>, <i>trường học</i>, <i>hộ nghèo</i>).
criteria-unknown-category = Không còn lĩnh vực này trong kế hoạch. Danh sách hiện tại:

## Chỉ tiêu
targets-none = Kế hoạch này chưa giao chỉ tiêu cho đơn vị nào.
targets-title = <b>Chỉ tiêu giai đoạn { $start } – { $end }</b> (mục { $section }): mỗi đơn vị chủ trì xét chọn, xây dựng, nhân rộng
targets-row = <b>{ $n }. { $unit }</b> — { $field }
targets-counts = {"   "}→ ít nhất { $counts }
targets-count = { $kind ->
        [collectives] { $count } tập thể
        [individuals] { $count } cá nhân
        [households] { $count } hộ gia đình
       *[any] { $count } gương điển hình
    }
targets-note = {"   "}<i>{ $note }</i>

## Mốc thời gian
timeline-title = <b>Các giai đoạn và mốc thời gian</b>
    { $plan }
timeline-phase = { $state ->
        [past] ✔
        [current] ▶
       *[future] ○
    } <b>{ $name }</b>: { $start } – { $end }{ $state ->
        [past] {" "}(đã xong)
        [current] {" "}(đang thực hiện)
       *[future] {""}
    }
timeline-phase-summary = {"   "}<i>{ $summary }</i>
timeline-milestone = {"   "}{ $past ->
        [yes] ✔
       *[no] •
    } { $date }: { $title }{ $past ->
        [yes] {" "}(đã qua)
       *[no] {""}
    }
timeline-other = <b>Các mốc khác</b>
milestone-when = { $precision ->
        [YEAR] năm { $date }
        [MONTH] tháng { $date }
        [OCCASION] nhân dịp ngày { $date }
       *[DAY] { $relation ->
            [BEFORE] trước ngày { $date }
           *[ON] ngày { $date }
        }
    }
milestone-when-actual = { $planned } — ngày thực hiện: <b>{ $actual }</b>
timeline-next = <b>Mốc tiếp theo:</b> { $date } — { $title }
timeline-all-past = <i>Mọi mốc của kế hoạch này đã qua.</i>

## Câu hỏi tự do (hiểu câu hỏi, trả lời ngắn, hỏi lại khi chưa chắc)
qa-you = { $register ->
        [staff] đồng chí
       *[other] ông/bà
    }
qa-you-cap = { $register ->
        [staff] Đồng chí
       *[other] Ông/bà
    }
qa-clarify = Có phải { qa-you } muốn hỏi một trong các nội dung dưới đây? Chọn một nút, hoặc gõ lại câu hỏi rõ hơn.
qa-label = { $intent ->
        [criteria] { $code ->
            [none] Tiêu chí của một lĩnh vực
           *[other] Tiêu chí { $code } { $name }
        }
        [criteria-list] Danh sách lĩnh vực và tiêu chí
        [criteria-general] Tiêu chí chung
        [targets] { $unit ->
            [none] Chỉ tiêu của các đơn vị
           *[other] Chỉ tiêu của { $unit }
        }
        [targets-total] Tổng chỉ tiêu của cả xã
        [targets-households] Chỉ tiêu về hộ gia đình
        [date-deadline] Hạn nộp kế hoạch
        [date-review] Sơ kết, tổng kết
        [date-phase] Các giai đoạn của kế hoạch
        [date-conference] Hội nghị Điển hình tiên tiến
        [date-next] Mốc thời gian tiếp theo
        [process-nominate] Cách đăng ký điển hình
        [process-review] Cách xét hồ sơ
        [process-decide] Ai quyết định khen thưởng
        [process-higher] Những gì đề nghị cấp trên
        [process-dossier] Hồ sơ gồm những gì
        [process-deed] Cách kể một việc tốt
        [process-status] Theo dõi hồ sơ, tiến độ
        [exemplars] Các điển hình đã được công nhận
        [title] Danh hiệu và thẩm quyền khen thưởng
        [help] Bot làm được gì
       *[other] Câu hỏi khác
    }
qa-can-do =
    Tôi trả lời được về kế hoạch thi đua – khen thưởng của xã: tiêu chí từng lĩnh vực (/tieuchi), chỉ tiêu của đơn vị (/chitieu), mốc thời gian (/moc), cách đăng ký và xét hồ sơ, danh hiệu và thẩm quyền khen thưởng, kể việc tốt (/viectot).
    { qa-you-cap } cứ gõ câu hỏi, ví dụ: <i>chỉ tiêu trạm y tế</i>, <i>khi nào tổng kết</i>, <i>gia đình văn hóa do ai công nhận</i>.
qa-ack = Dạ.
qa-other = Câu hỏi này nằm ngoài nội dung tôi nắm được, nên tôi không trả lời được. Tôi đã ghi lại để bộ phận thường trực Hội đồng Thi đua – Khen thưởng xã xem xét bổ sung.
qa-criteria-count = <b>Tiêu chí ({ $count })</b>{ $shown ->
        [0] :
       *[other] { $scoped ->
            [yes] , { $shown } tiêu chí áp dụng cho mọi đối tượng:
           *[no] , { $shown } tiêu chí đầu:
        }
    }
qa-criteria-scope = • Riêng đối với { $name }: { $count } tiêu chí
qa-criteria-all = Xem đủ { $count } tiêu chí
qa-criteria-general-button = Tiêu chí chung (mục III.2)
qa-criteria-which = { qa-you-cap } hỏi tiêu chí của lĩnh vực nào? Gõ tên lĩnh vực (ví dụ: <i>y tế</i>, <i>trường học</i>, <i>hộ nghèo</i>) hoặc xem danh sách.
qa-targets-unit = <b>Chỉ tiêu của { $own ->
        [yes] đơn vị { qa-you }: { $unit }
       *[other] { $unit }
    }</b> (mục { $section }, cả giai đoạn { $start } – { $end }):
qa-targets-row = • { $field }: ít nhất { $counts }
qa-targets-unit-none = • Kế hoạch không giao chỉ tiêu riêng cho đơn vị này.
qa-targets-total = Cả xã, cả giai đoạn { $start } – { $end }: ít nhất { $counts } (cộng { $rows } chỉ tiêu của { $units } đơn vị, mục { $section }).
qa-targets-hint = Gõ tên đơn vị để xem chỉ tiêu riêng, ví dụ: <i>chỉ tiêu trạm y tế</i>, <i>chỉ tiêu công an xã</i>.
qa-targets-all-button = Chỉ tiêu của tất cả đơn vị
qa-targets-households-title = <b>Chỉ tiêu về hộ gia đình</b> (mục { $section }, cả giai đoạn { $start } – { $end }):
qa-targets-households-row = • { $unit }: ít nhất { $count } hộ gia đình — { $field }
qa-targets-households-none = Kế hoạch không giao chỉ tiêu về hộ gia đình.
qa-plan-ended = <i>Kế hoạch giai đoạn { $start } – { $end } đã kết thúc; các mốc dưới đây là của kế hoạch đó.</i>
qa-timeline-button = Tất cả mốc thời gian
qa-phases-title = <b>Kế hoạch { $start } – { $end } có { $count } giai đoạn:</b>
qa-phase-line = { $state ->
        [past] ✔
        [current] ▶
       *[future] ○
    } <b>{ $name }</b>{ $state ->
        [past] {" "}(đã kết thúc)
        [current] {" "}(đang thực hiện)
       *[future] {""}
    } — mục { $section }
qa-date-title = { $topic ->
        [deadline] <b>Hạn trong kế hoạch:</b>
        [review] <b>Sơ kết, tổng kết:</b>
       *[conference] <b>Hội nghị:</b>
    }
qa-date-none = { $topic ->
        [deadline] Kế hoạch không ghi hạn nào.
        [review] Kế hoạch không ghi thời gian sơ kết, tổng kết.
       *[conference] Kế hoạch không ghi thời gian hội nghị.
    }
qa-date-line = { $past ->
        [yes] ✔
       *[no] •
    } <b>{ $date }</b>: { $title }{ $past ->
        [yes] {" "}(đã qua)
       *[no] {""}
    }
qa-date-next = <b>Mốc tiếp theo:</b>
qa-date-last = Mốc cuối cùng:
qa-date-precision-note = <i>Kế hoạch chỉ ghi { $precision ->
        [YEAR] năm
        [MONTH] tháng
        [OCCASION] dịp tổ chức
       *[other] năm hoặc dịp tổ chức
    }, không ghi ngày cụ thể; ngày tổ chức thực tế do bộ phận thường trực Hội đồng Thi đua – Khen thưởng xã thông báo.</i>
qa-process-nominate = { $who ->
        [officer] Đăng ký điển hình tiên tiến: gõ /dangky, chọn lĩnh vực, nhập tên tập thể, cá nhân hoặc hộ gia đình, thành tích và ảnh minh chứng. Theo dõi hồ sơ bằng /hoso.
        [staff] Việc đăng ký điển hình do cán bộ của đơn vị, bộ phận được giao chủ trì tham mưu xét chọn thực hiện (lệnh /dangky). Đồng chí cần vai trò cán bộ đơn vị: xin mã mời từ bộ phận thường trực Hội đồng Thi đua – Khen thưởng xã rồi gõ /thamgia MÃ.
       *[other] Việc đăng ký điển hình do cán bộ của đơn vị, bộ phận được giao chủ trì tham mưu xét chọn thực hiện (lệnh /dangky). Ông/bà có thể giới thiệu người tốt, việc tốt qua /viectot, hoặc liên hệ bộ phận thường trực Hội đồng Thi đua – Khen thưởng xã.
    }
qa-process-chain = Hồ sơ được Hội đồng Thi đua – Khen thưởng xã xem xét, đề xuất; Chủ tịch UBND xã quyết định công nhận, tặng thưởng, hoặc UBND xã có tờ trình đề nghị cấp trên.
qa-process-review = Xét hồ sơ đề nghị: thành viên Hội đồng Thi đua – Khen thưởng xã xem hồ sơ (/duyet) và cho ý kiến Đồng ý / Đề nghị bổ sung / Không đồng ý (kèm lý do khi đề nghị bổ sung hoặc không đồng ý). Ý kiến của thành viên là tham mưu; kết quả xét của Hội đồng được ghi trong biên bản họp. Người đăng ký theo dõi kết quả bằng /hoso.
qa-process-decide = Hội đồng Thi đua – Khen thưởng xã <b>tham mưu, đề xuất</b> (mục IV.5 của kế hoạch); <b>Chủ tịch UBND xã quyết định</b> công nhận, tặng thưởng (Luật Thi đua, Khen thưởng 2022, Điều 80 khoản 3: Giấy khen, danh hiệu “Lao động tiên tiến”, “Gia đình văn hóa”). Những gì ngoài thẩm quyền của xã thì UBND xã có tờ trình (…/TTr-UBND) đề nghị cấp trên.
qa-process-higher = Những danh hiệu, hình thức xã đề nghị cấp trên (theo bảng thẩm quyền hiện có), bằng tờ trình (…/TTr-UBND); tờ trình không có số quyết định riêng, kết quả là quyết định của cấp trên:
qa-award-line = • { $name } — { $authority ->
        [COMMUNE] Chủ tịch UBND xã quyết định tặng
       *[HIGHER] đề nghị cấp trên
    }{ $verified ->
        [no] {" "}(chưa xác minh)
       *[yes] {""}
    }
qa-award-verify-note = <i>Từ 01/7/2025 không còn cấp huyện; thẩm quyền các danh hiệu trước đây của cấp huyện chưa được xác minh (Nghị định 152/2025/NĐ-CP). Dòng ghi “chưa xác minh” cần bộ phận thường trực kiểm tra lại văn bản hiện hành.</i>
qa-process-dossier =
    Hồ sơ đề nghị Giấy khen cấp xã thường gồm (chưa xác minh): văn bản, tờ trình đề nghị kèm danh sách; báo cáo thành tích; biên bản họp xét khen thưởng.
    Với “Gia đình văn hóa” (Nghị định 86/2023/NĐ-CP, chưa xác minh): văn bản đề nghị; bảng tổng hợp danh sách hộ đạt tiêu chuẩn và kết quả lấy ý kiến; biên bản họp bình xét.
    Trên bot, cán bộ ghi thành tích và ảnh minh chứng khi đăng ký (/dangky).
qa-process-deed = Kể một việc tốt: gõ /viectot rồi làm theo hướng dẫn. Sau khi được kiểm duyệt, việc tốt có thể được giới thiệu trên Đài truyền thanh xã (chuyên mục “Việc tốt quanh ta”). Xem các việc tốt mới: /viectotmoi.
qa-process-status = Hồ sơ đề nghị của đơn vị: /hoso (cán bộ, thành viên Hội đồng). Tiến độ thực hiện chỉ tiêu: /tiendo. Việc tốt { qa-you } đã gửi sẽ được báo kết quả khi kiểm duyệt xong.
qa-exemplars = Các điển hình tiên tiến đã được công nhận: gõ /guong.
qa-title-name = <b>{ $name }</b> ({ $kind ->
        [title] danh hiệu thi đua
        [form] hình thức khen thưởng
       *[other] khen thưởng
    })
qa-title-subject = Đối tượng: { $subject ->
        [HOUSEHOLD] hộ gia đình
        [INDIVIDUAL] cá nhân
        [COLLECTIVE] tập thể
       *[ANY] tập thể, cá nhân
    }
qa-title-authority = Thẩm quyền: { $authority ->
        [COMMUNE] Chủ tịch UBND xã quyết định tặng
       *[HIGHER] xã đề nghị cấp trên
    }{ $inForce ->
        [no] {" "}(theo dòng gần nhất của bảng, nay không còn hiệu lực)
       *[yes] {""}
    }
qa-title-basis = Căn cứ: { $basis }
qa-title-unverified = ⚠ Phần đánh dấu ⚠ <b>chưa được xác minh</b>; bộ phận thường trực Hội đồng cần kiểm tra lại văn bản hiện hành.
qa-title-procedure-gdvh = Trình tự (Nghị định 86/2023/NĐ-CP, chưa xác minh): hằng năm, thôn họp bình xét từng hộ → niêm yết công khai danh sách 10 ngày để lấy ý kiến → hồ sơ đề nghị → Chủ tịch UBND xã quyết định trong 10 ngày.
qa-title-procedure-thon = Trình tự theo Nghị định 86/2023/NĐ-CP (chưa xác minh): thôn tự đánh giá, lấy ý kiến Nhân dân, UBND xã đề nghị cấp có thẩm quyền.
qa-title-not-in-plan = <i>{ $plan } không quy định tiêu chuẩn của danh hiệu, hình thức này; tiêu chuẩn theo Luật Thi đua, Khen thưởng 2022 và văn bản hướng dẫn.</i>
qa-title-table = <b>Danh hiệu, hình thức khen thưởng và thẩm quyền</b> (theo bảng thẩm quyền hiện có):
qa-title-unlisted = Danh hiệu, hình thức này không có trong bảng thẩm quyền của bot, nên tôi không trả lời được. Bảng hiện có:
qa-unanswered-title = <b>Câu hỏi chưa trả lời được</b> ({ $days } ngày gần đây, hỏi nhiều nhất trước):
qa-unanswered-item = { $n }. “{ $text }” — { $count } lần, gần nhất { $last }; đã gợi ý: { $offered }
qa-unanswered-none = Không có câu hỏi nào chưa trả lời được trong { $days } ngày gần đây.
qa-offered-none = không có
cmd-cauhoi = Câu hỏi bot chưa trả lời được (quản trị)

## Kênh console
console-welcome = Trò chuyện thử với bot ngay tại đây (gõ /help để xem lệnh, Ctrl+D để thoát).
console-telegram-hint = Muốn dùng trên Telegram: đặt TELEGRAM_BOT_TOKEN (lấy từ @BotFather) rồi chạy lại npm start.
console-choices = Chọn bằng cách gõ số:
console-choice = {"  "}[{ $n }] { $label }

## Quyền
access-denied = { $audience ->
        [officer] Việc này dành cho cán bộ của đơn vị chủ trì. Nếu bạn là cán bộ, hãy xin mã mời từ Văn phòng – Thống kê rồi gõ /thamgia MÃ.
        [council] Việc này dành cho thành viên Hội đồng Thi đua – Khen thưởng.
        [chair] Việc này dành cho Chủ tịch Hội đồng Thi đua – Khen thưởng xã hoặc bộ phận thường trực Hội đồng.
        [admin] Việc này dành cho quản trị viên (Văn phòng – Thống kê).
       *[staff] Việc này dành cho cán bộ, thành viên Hội đồng và quản trị viên.
    }
plain = { $text }
# Cùng một nội dung ở mỗi ngôn ngữ, chọn theo ngôn ngữ người đọc (vd. tên đơn vị trong thông báo gửi nhiều người).
localized = { $vi }
attachment-outside-dialog = Tôi đã nhận tệp, nhưng hiện không có hồ sơ nào đang mở để đính kèm. Gõ /dangky để đăng ký điển hình.
role-name = { $role ->
        [OFFICER] Cán bộ đơn vị
        [COUNCIL] Thành viên Hội đồng
        [CHAIR] Chủ tịch Hội đồng
       *[ADMIN] Quản trị viên
    }

## Hộp thoại nhiều bước
dialog-back = « Quay lại
dialog-cancel = ✖ Hủy
dialog-cancelled = Đã hủy. Không có gì được lưu.
dialog-stale-button = Nút đó thuộc bước trước. Bạn đang ở bước dưới đây:
dialog-expired = Việc bạn làm dở đã quá 24 giờ nên đã được hủy.
dialog-expired-notice = { $kind ->
        [register] Hồ sơ đăng ký bạn làm dở đã quá 24 giờ không được tiếp tục nên đã được hủy. Gõ /dangky để làm lại.
       *[other] Việc bạn làm dở đã quá 24 giờ không được tiếp tục nên đã được hủy.
    }
dialog-nothing-to-cancel = Không có việc gì đang làm dở để hủy.
dialog-nothing-to-continue = Không có việc gì đang làm dở.
dialog-pending = <i>Bạn còn một việc đang làm dở: gõ /tiep để tiếp tục hoặc /huy để hủy.</i>

## Đối tượng, trạng thái
subject-type-title = { $type ->
        [COLLECTIVE] Tập thể
        [INDIVIDUAL] Cá nhân
       *[HOUSEHOLD] Hộ gia đình
    }
nomination-state = { $state ->
        [DRAFT] bản nháp
        [SUBMITTED] Hội đồng đang xét
        [RETURNED] đề nghị bổ sung
        [PROPOSED] Hội đồng thống nhất đề nghị, chờ Chủ tịch UBND xã quyết định
        [PROPOSED_HIGHER] đã trình cấp trên, chờ kết quả
        [APPROVED] đã có quyết định công nhận
        [WITHDRAWN] đơn vị đã rút hồ sơ
       *[REJECTED] chưa được đề nghị
    }
nomination-action = { $action ->
        [CREATE] tạo hồ sơ
        [SUBMIT] gửi Hội đồng xét
        [RESUBMIT] bổ sung, gửi lại (vòng { $round })
        [VOTE] cho ý kiến “{ vote-decision }” (vòng { $round })
        [VOTE_CHANGE] đổi ý kiến thành “{ vote-decision }” (vòng { $round })
        [PROPOSE] Hội đồng thống nhất đề nghị (vòng { $round })
        [RETURN] Hội đồng đề nghị bổ sung (vòng { $round })
        [REJECT] Hội đồng không đề nghị (vòng { $round })
        [NEW_ROUND] Chủ tịch Hội đồng mở vòng xét { $round }
        [WITHDRAW] đơn vị rút hồ sơ
        [DECIDE] Chủ tịch UBND xã quyết định công nhận (số { $detail })
        [DECLINE] Chủ tịch UBND xã không công nhận
        [PROPOSE_HIGHER] trình cấp trên (tờ trình số { $detail })
        [HIGHER_AWARD] cấp trên quyết định (số { $detail })
        [HIGHER_REFUSE] cấp trên không đồng ý (tờ trình số { $detail })
        [APPROVE] Hội đồng đề nghị
        [ANNOTATE] ghi chú
        [COMMEND] khen thưởng
       *[other] { $action }
    }
vote-decision = { $decision ->
        [AGREE] Đồng ý
        [ASK_CHANGES] Đề nghị bổ sung
        [DISAGREE] Không đồng ý
        [APPROVE] Đồng ý
        [RETURN] Đề nghị bổ sung
       *[REJECT] Không đồng ý
    }
note-kind = { $kind ->
        [NURTURE] ghi chú bồi dưỡng
        [REPLICATE] hoạt động nhân rộng
       *[NOTE] ghi chú
    }

## Đăng ký điển hình
register-ask-unit = Bạn đăng ký cho đơn vị nào?
register-ask-type = <b>Đăng ký điển hình tiên tiến</b> — bước 1: đối tượng là tập thể, cá nhân hay hộ gia đình?
register-ask-category = Chọn lĩnh vực phù hợp với { $type }:
register-ask-movement = Thuộc phong trào thi đua nào?
register-movement-suggested = ✓ { $text }{ $inferred ->
        [no] {" "}(theo kế hoạch)
       *[yes] {" "}(gợi ý)
    }
register-ask-profile = Mô hình { $code } có tiêu chí khác nhau cho từng đối tượng. Người được đề nghị thuộc đối tượng nào?
register-profile-item = • <b>{ $name }</b>: <i>{ $eligibility }</i>
register-choice-current = ✓ { $text }
register-movement-none = Không thuộc phong trào cụ thể
register-ask-name = Gõ tên { $type } được đề nghị (ví dụ: Trạm Y tế xã, Nguyễn Văn A, hộ ông Rơ Mah B):
register-ask-place = Thôn, làng hoặc cơ quan, tổ chức nơi { $type } sinh sống, làm việc:
register-ask-ach = Tóm tắt thành tích tiêu biểu (vài câu: đã làm gì, kết quả ra sao):
register-current = Hiện tại: <i>{ $value }</i>
register-keep = Giữ nguyên
register-too-short = Câu trả lời ngắn quá (cần ít nhất { $min } ký tự). Bạn gõ lại nhé.
register-too-long = Câu trả lời dài quá ({ $length } ký tự, tối đa { $max }). Bạn rút gọn giúp nhé.
register-need-letters = Câu trả lời cần có chữ. Bạn gõ lại nhé.
register-choose-button = Bạn hãy chọn một nút bên dưới.
register-text-expected = Ở bước này bạn hãy gõ chữ.
register-ask-evidence = Gửi ảnh hoặc tài liệu minh chứng (có thể gửi nhiều, tối đa { $max }), hoặc gõ ghi chú về minh chứng (ví dụ: bản giấy lưu tại UBND xã), rồi bấm “Xong”. Không có thì bấm “Bỏ qua”.
register-evidence-count = Đã có { $count } minh chứng.
register-evidence-done = Xong ({ $count } minh chứng)
register-evidence-skip = Bỏ qua
register-evidence-expected = Ở bước này đồng chí gửi ảnh, tệp hoặc gõ ghi chú về minh chứng, rồi bấm “Xong”.
register-evidence-received = Đã nhận. Tổng cộng { $count } minh chứng.
register-evidence-note-received = Đã ghi nhận minh chứng bằng văn bản. Tổng cộng { $count } minh chứng.
nomination-evidence-note = Minh chứng (ghi chú): { $text }
register-evidence-limit = Mỗi hồ sơ có tối đa { $max } minh chứng; phần thừa không được lưu.
register-ask-check = <b>Tự đánh giá tiêu chí</b> (mục { $code }), chỉ gồm các tiêu chí áp dụng cho đối tượng này: bấm số để đánh dấu tiêu chí đã đạt, rồi bấm “Xong”.{ $conditional ->
        [yes] {" "}Tiêu chí ghi “nếu áp dụng”: bấm thêm lần nữa để đánh dấu “không áp dụng” (không tính vào kết quả).
       *[no] {""}
    }
register-check-item = { $met ->
        [yes] ☑
        [na] ⊘
       *[no] ☐
    } { $n }. { $text }{ $met ->
        [na] {" "}<i>(không áp dụng)</i>
       *[other] { $cond ->
            [yes] {" "}<i>(chỉ áp dụng theo mục { $section }: “{ $condition }”)</i>
           *[no] { $conditional ->
                [yes] {" "}<i>(nếu áp dụng)</i>
               *[no] {""}
            }
        }
    }
register-check-toggle = { $met ->
        [yes] ☑
        [na] ⊘
       *[no] ☐
    } { $n }
register-check-all = Đạt tất cả
register-check-done = Xong
register-unmet-title = Còn { $count }/{ $total } tiêu chí chưa đạt:
register-unmet-hint = Bạn có thể quay lại để đánh dấu, hoặc vẫn tiếp tục: Hội đồng sẽ xem xét.
register-continue = Tiếp tục
register-summary-title = <b>Kiểm tra lại hồ sơ trước khi gửi:</b>
register-summary-edit-hint = <i>Cần sửa mục nào, bấm “Sửa …” tương ứng; các mục khác được giữ nguyên và hồ sơ quay lại bước kiểm tra này.</i>
register-edit = ✏️ Sửa { $field ->
        [unit] đơn vị đề nghị
        [type] đối tượng
        [cat] lĩnh vực
        [prof] nhóm đối tượng
        [mov] phong trào / lĩnh vực
        [name] tên
        [place] nơi sinh sống, làm việc
        [ach] thành tích
        [evid] minh chứng
       *[check] tự đánh giá
    }
register-submit = ✅ Gửi đề nghị
register-resubmit = ✅ Gửi lại
register-duplicate-title = Đã có { $count } hồ sơ cùng tên trong kế hoạch này:
register-duplicate-item = • #{ $id } { $name } — mục { $category } — { $unit } — { $state }
register-duplicate-hint = Nếu đây là người/tập thể khác, hoặc một thành tích khác, bạn vẫn có thể gửi.
register-duplicate-confirm = Vẫn gửi
register-submitted = Đã gửi hồ sơ #{ $id } ({ $name }). Hội đồng Thi đua – Khen thưởng sẽ xem xét; bạn sẽ được báo kết quả. Xem lại bằng /hoso.
register-resubmitted = Đã gửi lại hồ sơ #{ $id } ({ $name }) để Hội đồng xem xét.

## Hồ sơ
nomination-field-name = Tên: <b>{ $name }</b> ({ $type })
nomination-field-category = Lĩnh vực: { $code }. { $name }
nomination-field-movement = Phong trào / lĩnh vực: { $movement }
nomination-field-unit = Đơn vị đề nghị: { $unit }
nomination-field-place = Nơi sinh sống, làm việc: { $place }
nomination-field-achievements = Thành tích: { $text }
nomination-field-check = Tự đánh giá: đạt { $met }/{ $total } tiêu chí áp dụng{ $na ->
        [0] {""}
       *[other] {" "}({ $na } tiêu chí không áp dụng)
    }
nomination-field-profile = Đối tượng: { $profile }
nomination-field-evidence = Minh chứng: { $count } tệp
nomination-title = <b>Hồ sơ #{ $id } — { $name }</b> ({ $state })
nomination-check-title = <b>Tiêu chí (tự đánh giá):</b>
nomination-history-title = <b>Lịch sử:</b>
nomination-history-item = • { $at } — { $actor }: { $action } ({ $from } → { $to }){ $reason }
nomination-history-same = • { $at } — { $actor }: { $action } ({ $to }){ $reason }
nomination-history-reason = . Lý do: { $reason }
nomination-commendations-title = <b>Quyết định, tờ trình:</b>
nomination-notes-title = <b>Bồi dưỡng, nhân rộng, ghi chú:</b>
nomination-note-item = • { $at } — { $kind }: { $text }
nomination-open = Xem hồ sơ
nomination-edit = ✏️ Sửa và gửi lại
nomination-add-nurture = Ghi chú bồi dưỡng
nomination-add-replicate = Ghi hoạt động nhân rộng
nomination-add-note = Thêm ghi chú
nomination-not-found = Không tìm thấy hồ sơ này.
nomination-not-editable = Hồ sơ đang ở trạng thái “{ $state }” nên không sửa được; chỉ có thể thêm ghi chú.
exemplar-title = <b>{ $name }</b> ({ $type })
exemplar-recognised = Được công nhận điển hình tiên tiến ngày { $date }

## Duyệt hồ sơ
review-open = Xét hồ sơ đề nghị
review-empty = Không có hồ sơ nào chờ đồng chí cho ý kiến. Cảm ơn đồng chí!
review-queue = Còn { $count } hồ sơ chờ đồng chí cho ý kiến (cũ nhất trước). Ý kiến của thành viên là ý kiến tham mưu; Chủ tịch UBND xã quyết định.
review-next = ⏭ Hồ sơ khác
review-ask-reason = Đồng chí chọn “{ vote-decision }” cho hồ sơ #{ $id }. Đồng chí nhập lý do (bắt buộc, đơn vị đề nghị sẽ được xem):
review-recorded = Đã ghi nhận ý kiến “{ vote-decision }” của đồng chí cho hồ sơ #{ $id } (vòng { $round }).
review-decided = <b>Kết quả xét của Hội đồng:</b> hồ sơ #{ $id } ({ $name }) — { $outcome ->
        [PROPOSE] Hội đồng thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định.
        [RETURN] Hội đồng đề nghị đơn vị bổ sung hồ sơ.
       *[REJECT] Hội đồng không đề nghị lần này.
    } Đơn vị đề nghị đã được báo.
review-error = { $code ->
        [already-voted] Đồng chí đã cho ý kiến về hồ sơ này trong vòng xét này rồi.
        [not-open-for-vote] Hồ sơ này không còn trong vòng xét (đã có kết quả hoặc đang được bổ sung).
        [stale-round] Vòng xét này đã kết thúc.
        [own-nomination] Đồng chí là người đề nghị hồ sơ này nên không biểu quyết.
        [reason-required] Cần có lý do.
        [not-proposed] Chỉ hồ sơ Hội đồng đã thống nhất đề nghị mới ghi được quyết định, tờ trình.
        [not-proposed-higher] Hồ sơ này không có tờ trình nào đang chờ kết quả của cấp trên.
        [not-approved] Chỉ điển hình đã có quyết định công nhận mới làm được việc này.
        [already-commended] Thành tích này đã được khen thưởng hoặc đang đề nghị.
        [illegal-transition] Hồ sơ đã thay đổi trạng thái nên không làm được việc này.
        [not-found] Không tìm thấy hồ sơ này.
       *[other] Không thực hiện được ({ $code }).
    }
notice-new-nomination = 📥 Hồ sơ mới chờ Hội đồng xét: #{ $id } { $name } — { $unit }, mục { $category }. Gõ /duyet để cho ý kiến.
notice-resubmitted-nomination = 📥 Hồ sơ đã bổ sung, gửi lại Hội đồng xét: #{ $id } { $name } — { $unit }, mục { $category }. Gõ /duyet để cho ý kiến.
notice-returned =
    ↩ Hồ sơ #{ $id } ({ $name }): Hội đồng Thi đua – Khen thưởng xã đề nghị bổ sung. Ý kiến: { $reason }
    Bấm nút dưới đây (hoặc /hoso) để sửa và gửi lại.
notice-rejected =
    Cảm ơn đơn vị đã đề nghị { $name } (hồ sơ #{ $id }). Lần này Hội đồng Thi đua – Khen thưởng xã chưa đề nghị công nhận điển hình tiên tiến.
    Hội đồng ghi nhận những việc đã làm (tự đánh giá đạt { $met }/{ $total } tiêu chí): { $achievements }
    Ý kiến của Hội đồng: { $reason }
    Mong đơn vị tiếp tục bồi dưỡng để đề nghị lại ở lần xét sau.

## Danh sách
list-prev = « Trang trước
list-next = Trang sau »
mine-empty = Đơn vị chưa có hồ sơ nào. Gõ /dangky để đăng ký điển hình.
mine-none-matching = Không có hồ sơ nào có tên khớp với «{ $query }».
mine-title = <b>Hồ sơ đề nghị</b> ({ $from }–{ $to } / { $total }):
mine-item = #{ $id } { $name } — mục { $category } — { $state } — { $date }
mine-open = #{ $id } { $name }
mine-search-hint = <i>Tìm theo tên: /hoso tên cần tìm (không cần dấu).</i>
earlier-plans-open = 📂 Hồ sơ của các kế hoạch trước
earlier-plans-empty = Không có hồ sơ nào của các kế hoạch trước.
earlier-plans-title = <b>Hồ sơ của các kế hoạch trước</b> ({ $from }–{ $to } / { $total }), chỉ để xem:
exemplars-empty = Chưa có điển hình tiên tiến nào được công nhận.
exemplars-none-matching = Không có điển hình nào có tên khớp với «{ $query }».
exemplars-title = <b>Điển hình tiên tiến của { $commune }</b> ({ $total }):
exemplars-item = • <b>{ $name }</b> ({ $type }, { $place }) — mục { $category } — công nhận { $date }
exemplars-open = { $name }

## Khen thưởng, ghi chú
commend-number-invalid = Số văn bản cần từ 3 đến 60 ký tự.
commend-date-invalid = Ngày chưa đúng. Bạn gõ theo dạng ngày/tháng/năm, ví dụ 15/11/2025.
commend-date-future = Ngày văn bản không thể ở tương lai.
commend-override-ask = Người được đề nghị đã được khen thưởng (hoặc đang được đề nghị) trong cùng năm, hoặc chính hồ sơ này đã được khen. Một thành tích không khen thưởng nhiều lần, nhiều hình thức (Luật Thi đua, Khen thưởng, Điều 6). Nếu đây là thành tích khác, đồng chí nhập lý do:
note-ask = Gõ nội dung { $kind } cho hồ sơ #{ $id }:
note-saved = Đã lưu { $kind } cho hồ sơ #{ $id }.

## Tiến độ
progress-title = <b>Tiến độ thực hiện chỉ tiêu</b> (đến { $today }): { $met }/{ $total } chỉ tiêu đã đạt
progress-mine = <b>Đơn vị của bạn:</b>
progress-others = <b>Các đơn vị khác:</b>
progress-row = { $met ->
        [yes] ✅
       *[no] ⚠️
    } <b>{ $unit }</b> — { $field }
progress-counts = {"   "}{ $counts }
progress-count = { $kind ->
        [collectives] tập thể
        [individuals] cá nhân
        [households] hộ gia đình
       *[any] gương điển hình
    } { $approved }/{ $target } đã công nhận ({ $submitted } đã gửi)
progress-phases = {"   "}<i>{ $phases }</i>
progress-phase = { $phase }: { $approved } công nhận

## Người dùng, vai trò
join-usage = Gõ /thamgia kèm mã mời, ví dụ: /thamgia ABCD-EFGH
join-ok = Bạn đã nhận vai trò: <b>{ $role }</b>{ $unit }. Gõ /help để xem các việc bạn làm được.
role-unit = {" "}— { $unit }
invite-choose-role = Tạo mã mời cho vai trò:
invite-choose-unit = Cán bộ của đơn vị nào?
invite-created = Mã mời <b>{ $role }</b>{ $unit }: <code>{ $code }</code>
    Người nhận gõ: /thamgia { $code }
    Mã dùng một lần, hết hạn ngày { $until }.
people-empty = Chưa ai có vai trò.
people-title = <b>Người có vai trò</b> ({ $count }):
people-item = • { $name } — { $role }{ $unit }
people-revoke = Thu hồi: { $name } – { $role }
people-revoke-confirm = Thu hồi vai trò “{ $role }” của { $name }?
people-revoke-yes = Đồng ý thu hồi
people-revoked = Đã thu hồi vai trò “{ $role }” của { $name }.
people-revoke-gone = Vai trò này không còn nữa.
people-last-admin = Không thể thu hồi quản trị viên cuối cùng.
console-admin-code = Chưa có quản trị viên. Gõ /thamgia { $code } để trở thành quản trị viên đầu tiên.

## Bản tin tuần của Hội đồng
digest-title = <b>Bản tin tuần của Hội đồng Thi đua – Khen thưởng</b> ({ $from } – { $to })
digest-new = { $count ->
        [0] <b>Hồ sơ mới trong tuần:</b> không có
       *[other] <b>Hồ sơ mới trong tuần ({ $count }):</b>
    }
digest-item = • #{ $id } { $name } — { $unit }
digest-council-results = { $count ->
        [0] <b>Kết quả xét của Hội đồng trong tuần:</b> không có
       *[other] <b>Kết quả xét của Hội đồng trong tuần ({ $count }):</b>
    }
digest-council-result = • #{ $id } { $name } — { $kind ->
        [PROPOSE] Hội đồng thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định
        [RETURN] Hội đồng đề nghị đơn vị bổ sung hồ sơ
       *[REJECT] Hội đồng không đề nghị
    }
digest-chairman-decisions = { $count ->
        [0] <b>Chủ tịch UBND xã quyết định trong tuần:</b> không có
       *[other] <b>Chủ tịch UBND xã quyết định trong tuần ({ $count }):</b>
    }
digest-chairman-decision = • #{ $id } { $name } — { $kind ->
        [DECIDE] quyết định công nhận, tặng (quyết định số { $number })
       *[DECLINE] không công nhận
    }
digest-higher = <b>Đề nghị cấp trên trong tuần ({ $count }):</b>
digest-higher-item = • #{ $id } { $name } — { $kind ->
        [PROPOSE_HIGHER] đã trình cấp trên xem xét (tờ trình số { $number }), chờ kết quả
        [HIGHER_AWARD] cấp trên đã quyết định khen thưởng (quyết định số { $number })
       *[HIGHER_REFUSE] cấp trên chưa đồng ý; hồ sơ trở lại chờ Chủ tịch UBND xã xem xét
    }
digest-waiting = { $count ->
        [0] <b>Đang chờ Hội đồng duyệt:</b> không có
       *[other] <b>Đang chờ Hội đồng duyệt ({ $count }), cũ nhất trước:</b>
    }
digest-waiting-item = • #{ $id } { $name } — { $unit } — chờ { $days } ngày
digest-progress = <b>Chỉ tiêu:</b> { $met }/{ $total } đã đạt
digest-more = {"  "}… và { $count } hồ sơ khác
digest-behind = ⚠️ { $unit }: { $counts }
digest-behind-count = { $kind ->
        [collectives] tập thể
        [individuals] cá nhân
        [households] hộ gia đình
       *[any] gương điển hình
    } { $approved }/{ $target }
digest-deeds = <b>Việc tốt:</b> nhận { $received }, đã đăng { $published }
digest-milestones = <b>Mốc sắp tới:</b>
digest-no-milestones = <i>Kế hoạch không còn mốc nào sắp tới.</i>
digest-milestone = • { $date }: { $title }
digest-open-progress = Xem tiến độ

## Nhắc việc
reminder-milestone = ⏰ Còn { $days } ngày đến mốc { $date }: { $title }
reminder-open-timeline = Xem các mốc
reminder-review = ⏰ Có { $count } hồ sơ chờ bạn duyệt đã quá { $days } ngày.
reminder-quota = ⏰ Còn { $days } ngày đến { $event } (ngày { $date }). Chỉ tiêu cả giai đoạn { $start } – { $end } của { $unit } ({ $field }) hiện chưa đủ. Gõ /tiendo để xem.
prefs-title = <b>Nhắc việc và bản tin</b> — bấm để bật/tắt:
prefs-line = { $on ->
        [yes] 🔔
       *[no] 🔕
    } { $kind }
prefs-toggle = { $on ->
        [yes] 🔔 Tắt:
       *[no] 🔕 Bật:
    } { $kind }
prefs-kind = { $kind ->
        [reminder-milestone] nhắc mốc thời gian
        [reminder-review] nhắc hồ sơ chờ duyệt
        [reminder-quota] nhắc chỉ tiêu chưa đạt
        [reminder-deeds] báo việc tốt chờ kiểm duyệt
        [digest] bản tin tuần của Hội đồng
       *[bulletin] bản tin “Việc tốt quanh ta” hằng tuần
    }
schedule-title = <b>Lịch gửi tự động</b> (giờ { $zone }):
schedule-job = • <b>{ $name }</b> (<code>{ $cron }</code>) — lần tới: { $next }
schedule-job-name = { $name ->
        [council-digest] Bản tin tuần của Hội đồng
        [reminders] Nhắc việc hằng ngày
        [bulletin] Bản tin “Việc tốt quanh ta”
       *[other] { $name }
    }
schedule-last = {"   "}Lần gần nhất { $period }: { $state ->
        [DONE] xong
        [FAILED] lỗi
        [SKIPPED] bỏ qua
       *[RUNNING] đang chạy
    } — { $result }
schedule-never = {"   "}Chưa chạy lần nào.

## Việc tốt
cmd-viectot = Kể một việc tốt quanh ta
cmd-viectotmoi = Những việc tốt mới được đăng
cmd-kiemduyet = Kiểm duyệt việc tốt (cán bộ, quản trị)
cmd-bantin = Bản tin “Việc tốt quanh ta” (đăng ký: /bantin dangky)
deed-access-denied = Việc này dành cho cán bộ các đơn vị và quản trị viên. Nếu bạn là cán bộ, hãy xin mã mời từ Văn phòng – Thống kê rồi gõ /thamgia MÃ.
deed-state = { $state ->
        [NEW] chờ kiểm duyệt
        [PUBLISHED] đã đăng
        [REJECTED] chưa đăng
        [MERGED] đã gộp vào việc khác
       *[PROMOTED] đã đề nghị xét điển hình
    }
deed-intro = <b>Việc tốt quanh ta</b> — cảm ơn bạn đã kể! Chỉ có vài câu hỏi ngắn; bạn có thể quay lại hoặc hủy bất cứ lúc nào. Chúng tôi không hỏi số điện thoại.
deed-ask-doer = Bước 1/6 — <b>Ai</b> đã làm việc tốt? Gõ tên người, gia đình hoặc nhóm (không biết tên thì tả ngắn, ví dụ: một bác xe ôm ở chợ).
deed-ask-what = Bước 2/6 — Người đó đã <b>làm gì</b>? Kể vài câu (ít nhất 20 ký tự).
deed-ask-place = { $choices ->
        [0] Bước 3/6 — Việc tốt diễn ra <b>ở đâu</b>? Gõ tên thôn, làng hoặc nơi cụ thể.
       *[other] Bước 3/6 — Việc tốt diễn ra <b>ở đâu</b>? Chọn thôn, làng bên dưới hoặc gõ nơi cụ thể.
    }
deed-ask-when = Bước 4/6 — Việc tốt diễn ra <b>khi nào</b>? Chọn bên dưới hoặc gõ (ví dụ: sáng 28/11, tuần trước).
deed-when-today = Hôm nay
deed-when-yesterday = Hôm qua
deed-ask-photo = Bước 5/6 — Có ảnh không? Gửi tối đa { $max } ảnh rồi bấm “Xong”, hoặc bấm “Bỏ qua”.
deed-photo-count = Đã có { $count } ảnh.
deed-photo-done = Xong ({ $count } ảnh)
deed-photo-skip = Bỏ qua, không có ảnh
deed-photo-expected = Ở bước này bạn hãy gửi ảnh, hoặc bấm “Xong” / “Bỏ qua”.
deed-photo-only = Ở đây chỉ nhận ảnh. Bạn gửi ảnh chụp, hoặc bấm “Xong” / “Bỏ qua”.
deed-photo-received = Đã nhận. Tổng cộng { $count } ảnh.
deed-photo-limit = Mỗi việc tốt có tối đa { $max } ảnh; ảnh thừa không được lưu.
deed-ask-credit = Bước 6/6 — Khi việc tốt được đăng công khai (danh sách việc tốt, bản tin trên loa xã), có ghi tên bạn là người kể không?
deed-privacy-officers = <i>Dù chọn thế nào, cán bộ xã vẫn biết ai gửi để xác minh khi cần.</i>
deed-credit-yes = Ghi tên tôi: { $name }
deed-credit-no = Không ghi tên tôi
deed-summary-title = <b>Kiểm tra lại trước khi gửi:</b>
deed-field-doer = Người làm việc tốt: <b>{ $name }</b>
deed-field-what = Việc đã làm: { $text }
deed-field-place = Ở đâu: { $place }
deed-field-when = Khi nào: { $when }
deed-field-photos = Ảnh: { $count }
deed-privacy = { $named ->
        [yes] <b>Ai thấy gì:</b> cán bộ xã thấy tên bạn ({ $name }), nội dung và ảnh để xác minh. Khi được đăng, bà con thấy nội dung và tên bạn là người kể; ảnh chỉ cán bộ xem. Chúng tôi không hỏi số điện thoại của bạn.
       *[no] <b>Ai thấy gì:</b> cán bộ xã thấy tên bạn ({ $name }), nội dung và ảnh để xác minh. Khi được đăng, bà con chỉ thấy nội dung, không thấy tên bạn; ảnh chỉ cán bộ xem. Chúng tôi không hỏi số điện thoại của bạn.
    }
deed-send = ✅ Gửi
deed-similar-title = Có { $count } việc tốt đã biết giống việc bạn kể:
deed-similar-item = • { $ref } — { $doer }, { $place }: { $text }
deed-similar-item-new = • { $ref } — { $doer }, { $place } ({ $when }; đang chờ cán bộ xác minh)
deed-similar-hint = Nếu là cùng một việc, bạn bấm “Bổ sung” để thêm thông tin vào việc đó. Nếu là việc khác, bấm “Gửi việc mới”.
deed-similar-add = ➕ Bổ sung vào { $ref }
deed-similar-new = Đây là việc khác — gửi việc mới
deed-gone = Việc đó vừa được xử lý nên không bổ sung được nữa. Bạn chọn việc khác hoặc gửi việc mới nhé.
deed-added = Cảm ơn bạn! Thông tin đã được bổ sung vào việc tốt <b>{ $ref }</b>.
deed-submitted = Cảm ơn bạn! Đã nhận việc tốt, mã <b>{ $ref }</b>.
deed-submitted-next = Cán bộ xã sẽ xác minh trước khi đăng; bạn sẽ được báo khi việc tốt được đăng. Xem các việc tốt đã đăng: /viectotmoi.
deed-link-refused = Xin lỗi, ở đây không nhận đường dẫn (link, trang web, t.me, zalo.me…). Bạn kể bằng lời giúp nhé.
deed-repeated-refused = Nội dung có vẻ lặp lại một chữ hoặc một ký tự nhiều lần. Bạn kể lại bằng vài câu giúp nhé.
deed-already-sent = Bạn đã gửi đúng nội dung này trong { $days } ngày qua rồi. Cảm ơn bạn; cán bộ xã sẽ xem. Nếu là việc khác, bạn kể khác đi một chút nhé.
deed-blocked = Xin lỗi, hiện bạn không gửi được việc tốt qua trợ lý. Nếu cần, bạn liên hệ Văn phòng – Thống kê của xã.
deed-limit = Hôm nay bạn đã gửi { $limit } việc tốt — mức tối đa mỗi ngày. Cảm ơn bạn! Mời bạn gửi tiếp vào ngày mai.
deed-queue-empty = Không có việc tốt nào chờ kiểm duyệt. Cảm ơn bạn!
deed-queue = Còn { $count } việc tốt chờ kiểm duyệt (cũ nhất trước):
deed-mod-title = <b>Việc tốt { $ref }</b> ({ $state }) — gửi lúc { $at }
deed-mod-sender = Người gửi: { $name } — { $named ->
        [yes] đồng ý ghi tên khi đăng
       *[no] không muốn ghi tên khi đăng
    }
deed-mod-additions = <b>Bổ sung ({ $count }):</b>
deed-mod-addition = • { $date } — { $name }: { $text }
deed-mod-similar = <b>Có thể trùng ({ $count }):</b>
deed-correct = ✏️ Sửa chính tả, dấu
deed-correct-ask = <b>Sửa chính tả, dấu tiếng Việt — việc tốt { $ref }</b> (bước { $n }/{ $total }): { $field ->
        [description] việc đã làm
        [doerName] người làm việc tốt
       *[place] nơi làm việc tốt
    }.
deed-correct-hint = Đồng chí gõ lại cho đúng chính tả, có dấu (nội dung này sẽ được đăng và đọc trên Đài truyền thanh xã), hoặc bấm “Giữ nguyên”. Nguyên văn của người gửi vẫn được lưu trong hồ sơ.
deed-correct-current = Hiện tại: <code>{ $value }</code>
deed-correct-done = Đã sửa chính tả việc tốt { $ref }. Nguyên văn của người gửi được lưu lại; khi đăng, người gửi được báo là nội dung đã được biên tập.
deed-correct-unchanged = Việc tốt { $ref } không có gì thay đổi.
deed-mod-original-title = <b>Nguyên văn người gửi</b> (trước khi sửa chính tả):
deed-mod-original = • { $field ->
        [description] Việc đã làm
        [doerName] Người làm việc tốt
       *[place] Ở đâu
    }: { $text }
deed-publish = ✅ Đăng
deed-reject = ✖ Không đăng
deed-merge = 🔗 Gộp vào việc đã có
deed-promote = ⭐ Đề nghị xét điển hình
deed-next = ⏭ Việc khác
deed-block = 🚫 Chặn người gửi
deed-blocked-list = Người bị chặn gửi việc tốt
deed-published = Đã đăng việc tốt { $ref }. Người kể đã được báo.
deed-rejected = Đã ghi “không đăng” cho việc tốt { $ref }. Người gửi đã được báo lý do.
deed-merged = Đã gộp việc tốt { $ref } vào { $into }. Người gửi đã được báo.
deed-merge-impossible = Không gộp được { $ref } vào { $into } (một trong hai việc vừa được xử lý).
deed-already-handled = Việc tốt { $ref } đã được xử lý rồi.
deed-not-found = Không tìm thấy việc tốt này.
deed-ask-reason = Gõ lý do chưa đăng việc tốt { $ref }. Người gửi sẽ đọc, nên bạn viết nhẹ nhàng, rõ ràng:
deed-ask-merge = Gộp { $ref } vào việc tốt nào? Chọn bên dưới, hoặc gõ mã (ví dụ VT-7K3M):
deed-merge-into = Gộp vào { $ref }
deed-merge-target-invalid = Không tìm thấy việc tốt đó (hoặc không gộp vào được). Bạn chọn nút hoặc gõ lại mã, ví dụ VT-7K3M.
deed-promote-need-unit = Để đề nghị xét điển hình, bạn cần là cán bộ của một đơn vị chủ trì (hồ sơ đứng tên đơn vị). Quản trị viên chưa gắn với đơn vị nào thì hãy nhờ cán bộ đơn vị làm, hoặc nhận vai trò cán bộ bằng mã mời.
deed-promote-start = Đề nghị xét điển hình từ việc tốt { $ref }: tên, nơi ở và thành tích đã được điền sẵn, bạn bấm “Giữ nguyên” hoặc sửa lại.
deed-block-confirm = Chặn { $name } (người gửi { $ref }) không cho gửi việc tốt nữa?
deed-block-yes = Đồng ý chặn
deed-block-done = Đã chặn { $name } gửi việc tốt.
deed-blocked-none = Không có ai bị chặn.
deed-blocked-title = <b>Người bị chặn gửi việc tốt</b> ({ $count }):
deed-blocked-item = • { $name } — từ { $date }
deed-unblock = Bỏ chặn: { $name }
deed-unblocked = Đã bỏ chặn. Người này lại gửi được việc tốt.
deed-unblock-none = Người này không bị chặn.
deed-notice-published = 🌼 Việc tốt { $ref } bạn kể về { $doer } đã được đăng.{ $edited ->
        [yes] {" "}Cán bộ xã đã sửa chính tả, dấu tiếng Việt trước khi đăng (để đọc trên Đài truyền thanh xã); lời bạn kể vẫn được lưu nguyên văn.
       *[no] {""}
    } Cảm ơn bạn đã lan tỏa điều tốt! Xem: /viectotmoi
deed-notice-rejected =
    Cảm ơn bạn đã kể về việc tốt của { $doer } (mã { $ref }). Lần này cán bộ xã chưa đăng việc này.
    Lý do: { $reason }
    Mong bạn tiếp tục kể những việc tốt quanh mình!
deed-notice-merged = Việc tốt { $ref } bạn kể trùng với việc đã có ({ $into }), nên được gộp vào đó để không đăng hai lần. Cảm ơn bạn!
deed-notice-promoted = ⭐ Việc tốt { $ref } bạn kể về { $doer } đã được cán bộ đề nghị xét công nhận điển hình tiên tiến. Cảm ơn bạn!
deed-credit = { $named ->
        [yes] {" "}— người kể: { $name }
       *[no] {""}
    }
deed-recent-empty = Chưa có việc tốt nào được đăng. Bạn biết việc tốt nào, hãy kể bằng /viectot.
deed-recent-title = <b>Việc tốt quanh ta — { $commune }</b> ({ $from }–{ $to } / { $total }):
deed-public-item = • { $date }: <b>{ $doer }</b> ({ $place }, { $when }) — { $text }{ $credit }
deed-recent-hint = <i>Bạn biết việc tốt nào? Gõ /viectot để kể.</i>
deed-bulletin-title = <b>Việc tốt quanh ta</b> — bản tin từ { $from } đến { $to }
deed-bulletin-none = Tuần qua, { $commune } chưa có việc tốt nào được đăng. Bà con biết việc tốt nào quanh mình, xin kể cho trợ lý thi đua của xã.
deed-bulletin-intro = Tuần qua, trên địa bàn { $commune }, bà con đã kể lại { $count } việc tốt.
deed-bulletin-item = { $n ->
        [1] Thứ nhất
        [2] Thứ hai
        [3] Thứ ba
        [4] Thứ tư
        [5] Thứ năm
        [6] Thứ sáu
        [7] Thứ bảy
        [8] Thứ tám
        [9] Thứ chín
        [10] Thứ mười
       *[other] Tiếp theo
    }, ở { $place }, { $doer } đã có việc làm tốt: { $text } Thời gian: { $when }.{ $credit }
deed-bulletin-credit = {" "}Cảm ơn { $name } đã kể lại việc tốt này.
deed-bulletin-outro = Xin cảm ơn những tấm lòng tốt. Bà con biết việc tốt nào quanh mình, xin kể cho trợ lý thi đua của xã để cùng lan tỏa.

## Liên kết tài khoản, Zalo
cmd-lienket = Liên kết tài khoản Telegram và Zalo của bạn
channel-name = { $channel ->
        [telegram] Telegram
        [zalo] Zalo
       *[other] { $channel }
    }
link-private-only = Để giữ an toàn, bạn hãy gõ /lienket trong tin nhắn riêng với trợ lý.
link-code =
    Mã liên kết của bạn: <b>{ $code }</b> (dùng một lần, hết hạn lúc { $until }).
    Trên kênh còn lại (Zalo hoặc Telegram), gõ: /lienket { $code }
    Tài khoản đó sẽ được gộp vào tài khoản { $channel } này, sau khi cả hai tài khoản đồng ý: vai trò và hồ sơ đi theo. Không đưa mã cho người khác.
link-conflict = Không liên kết được: người có mã này đã có một tài khoản { $channel } khác. Mỗi người chỉ liên kết một tài khoản trên mỗi kênh.
link-ok = Đã liên kết! Tài khoản { $channel } nay là của <b>{ $name }</b>: vai trò, hồ sơ và cài đặt nhắc việc dùng chung trên cả hai kênh.
keep-receiving-ok = Cảm ơn bạn! Bạn sẽ tiếp tục nhận tin nhắc việc và bản tin từ trợ lý.
zalo-renew-button = Tiếp tục nhận tin
zalo-choices = Gõ số để chọn:
zalo-choice = { $n }. { $label }
zalo-attachment = 📎 { $url }
delivery-failed-admin =
    ⚠️ <b>Một tin nhắn không gửi được</b> qua { $channel } (mã { $key }): nền tảng từ chối yêu cầu và tin sẽ không được gửi lại.
    Phản hồi của nền tảng: { $error }

zalo-grant-lost =
    ⚠️ <b>Zalo: trợ lý đã mất quyền gửi tin qua Official Account</b> (mã lỗi { $code }).
    Quản trị viên OA cần cấp quyền lại cho ứng dụng (xem README, mục “Connect a Zalo OA”). Trong lúc chờ, tin nhắn qua Zalo không gửi được.

## Đăng ký bản tin
bulletin-subscribed = Đã đăng ký. Mỗi tuần bạn sẽ nhận bản tin “Việc tốt quanh ta”. Gõ /bantin huy để thôi nhận.
bulletin-unsubscribed = Đã hủy đăng ký bản tin “Việc tốt quanh ta”. Gõ /bantin dangky để nhận lại.
bulletin-how-to-subscribe = Gõ /bantin dangky để nhận bản tin “Việc tốt quanh ta” mỗi tuần, /bantin huy để thôi nhận. Xem các việc tốt mới: /viectotmoi.

## Kết quả các việc tự động (/lich)
job-result-no-council = chưa có thành viên Hội đồng để gửi
job-result-digest = đã xếp gửi cho { $queued }/{ $total } thành viên Hội đồng
job-result-reminders = đã xếp gửi { $queued } lời nhắc
job-result-no-subscriber = chưa ai đăng ký nhận
job-result-no-deeds = tuần này không có việc tốt nào được đăng, không gửi
job-result-bulletin = bản tin { $deeds } việc tốt, đã xếp gửi cho { $queued }/{ $total } người đăng ký
job-result-skipped = lỡ khi bot tạm dừng, đã quá hạn nên bỏ qua
job-result-rounds = { $rounds } vòng xét mở quá { $days } ngày đã được báo Chủ tịch Hội đồng; đã đưa { $queued } thông báo vào hàng chờ gửi
council-round-too-long-office = ⚠️ Hồ sơ #{ $id } ({ $name }), vòng xét { $round }: vòng xét đã mở quá { $days } ngày mà chưa có kết quả. { $chairs ->
        [0] Chưa có ai được giao vai trò Chủ tịch Hội đồng trên hệ thống; đề nghị bộ phận thường trực cấp quyền cho đồng chí Chủ tịch Hội đồng, hoặc ghi kết luận cuộc họp Hội đồng khi Hội đồng đã họp.
       *[other] Đã báo đồng chí Chủ tịch Hội đồng. Khi Hội đồng đã họp, bộ phận thường trực ghi kết luận cuộc họp.
    }
register-plan-ended = <i>Lưu ý: { $plan } đã kết thúc ngày { $end }. Hồ sơ vẫn được ghi nhận vào kế hoạch này; khi có kế hoạch mới, quản trị viên sẽ nạp để đăng ký theo kế hoạch mới.</i>

## Bảo mật: nhóm chat
group-private-note = Lệnh /{ $command } chỉ dùng trong tin nhắn riêng với trợ lý, để thông tin không lộ ra nhóm. Mời mở tin nhắn riêng với trợ lý và gõ lại /{ $command }.
group-private-action = Nút này chỉ dùng trong tin nhắn riêng với trợ lý.
group-code-seen = Mã vừa gõ ở đây thì mọi người trong nhóm đều đã thấy: xin đừng dùng mã này nữa, đề nghị người cấp mã hủy mã và cấp mã mới.
group-open-private = Mở tin nhắn riêng với trợ lý

## Bảo mật: mã mời, mã liên kết
code-wrong = Mã không đúng hoặc không còn dùng được. Xin kiểm tra lại mã (không phân biệt chữ hoa, chữ thường) hoặc đề nghị người cấp mã cấp mã mới.
code-wait = Mã đã bị nhập sai nhiều lần. Để giữ an toàn, xin thử lại sau { $minutes } phút.
code-limit-admin-notice = Cảnh báo an toàn: tài khoản { $channel } “{ $name }” (mã số { $id }) đã nhập sai mã ở lệnh /{ $command } quá số lần cho phép; tài khoản này tạm thời không được nhập mã. Nếu không phải người quen nhập nhầm, xin xem lại các mã mời chưa dùng (/moi → Mã mời chưa dùng).
role-with-unit = { $role } — { $unit }
roles-list = { $roles }
roles-none = người dân (không có vai trò)
link-self = Hai tài khoản này đã là một rồi, không cần liên kết nữa.
link-confirm-claimant =
    Mã này là của tài khoản <b>{ $owner }</b> ({ $ownerChannels }).
    Nếu đồng ý, tài khoản <b>{ $claimant }</b> ({ $claimantChannels }) đang dùng sẽ được gộp vào tài khoản <b>{ $owner }</b>: vai trò, hồ sơ, việc tốt và cài đặt chuyển sang tài khoản đó.
link-confirm-owner =
    Tài khoản <b>{ $claimant }</b> ({ $claimantChannels }) vừa nhập mã liên kết của tài khoản <b>{ $owner }</b> ({ $ownerChannels }) và xin gộp vào tài khoản này.
    Chỉ đồng ý nếu đó đúng là tài khoản của chính mình.
link-roles-after = Sau khi gộp, tài khoản có các vai trò: { $roles }.
link-staff-warning = Lưu ý: tài khoản <b>{ $owner }</b> sẽ nhận các vai trò { $roles } đang có ở tài khoản gộp vào. Nếu <b>{ $owner }</b> không phải chính mình, xin bấm “Không đồng ý”.
link-confirm-until = Cần cả hai tài khoản đồng ý trước { $until }.
link-yes = Đồng ý gộp
link-no = Không đồng ý
link-waiting-owner = Đã ghi nhận. Trợ lý đã gửi câu hỏi xác nhận tới tài khoản <b>{ $owner }</b> ({ $ownerChannels }); hai tài khoản được gộp khi tài khoản đó đồng ý.
link-gone = Yêu cầu liên kết này không còn hiệu lực (đã hết hạn, đã bị từ chối hoặc đã xong). Gõ /lienket để lấy mã mới.
link-declined = Đã hủy yêu cầu liên kết; mã này không dùng được nữa.
invites-open = Mã mời chưa dùng
invites-none = Không có mã mời nào chưa dùng.
invites-title = <b>Mã mời chưa dùng</b> ({ $count }):
invites-item = • …{ $tail }: { $role }{ $unit }, do { $by } tạo, hết hạn ngày { $until }
invites-cancel = Hủy mã …{ $tail }
invites-cancelled = Đã hủy mã mời; mã này không dùng được nữa.
invites-gone = Mã mời này đã được dùng, đã hết hạn hoặc đã bị hủy.

## Bảo mật: giới hạn tin nhắn
rate-limited = Trợ lý vừa nhận quá nhiều tin nhắn liên tiếp từ tài khoản này. Các tin nhắn và nút bấm trong { $seconds } giây tới sẽ chưa được xử lý (kể cả phiếu xét hồ sơ và kiểm duyệt); xin gửi lại sau thời gian đó.
## Văn bản (/vanban): tờ trình, danh sách, quyết định, báo cáo — soạn từ dữ liệu đã ghi nhận
cmd-vanban = Soạn văn bản: tờ trình, danh sách, dự thảo quyết định, báo cáo (Thường trực, Hội đồng)
documents-menu-title = <b>Soạn văn bản từ dữ liệu đã ghi nhận</b> (bản Word/Excel, trình bày theo Nghị định 30/2020/NĐ-CP). Đồng chí chọn văn bản:
documents-usage = Cú pháp: /vanban totrinh [số hồ sơ …] [pdf] · /vanban captren (tờ trình đề nghị cấp trên khen thưởng) · /vanban danhsach [excel] · /vanban quyetdinh [số hồ sơ | số quyết định | ds] · /vanban thanhtich [số hồ sơ] · /vanban nam [NĂM] · /vanban tiendo · /vanban bienban · /vanban so (sổ văn bản) · /vanban ky 05/TTr-UBND (ghi nhận đã ký) · /vanban caidat (thông tin của xã trên văn bản, quản trị viên). Không ghi số hồ sơ: lấy mọi hồ sơ Hội đồng đã thống nhất đề nghị, chưa có quyết định khen thưởng.
documents-button-to-trinh = Tờ trình đề nghị khen thưởng
documents-button-quyet-dinh = Dự thảo quyết định khen thưởng
documents-button-danh-sach = Danh sách đề nghị (Word)
documents-button-danh-sach-xlsx = Danh sách đề nghị (Excel)
documents-button-bao-cao-nam = Báo cáo năm của Hội đồng
documents-button-tien-do = Tiến độ chỉ tiêu (Excel)
documents-button-bien-ban = Biên bản họp Hội đồng
documents-button-meeting = Biên bản cuộc họp số { $id } ngày { $date }
documents-preview-bien-ban = Biên bản họp Hội đồng số { $number } (cuộc họp số { $id }, ngày { $date }): có mặt { $present }/{ $size } thành viên; xét { $items } hồ sơ, thống nhất đề nghị { $proposed }
documents-preview-quyet-dinh-recorded = Quyết định số { $number } ngày { $date } (đã ghi nhận): { $total } hồ sơ: { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ
documents-decision-not-found = Không có quyết định khen thưởng của Chủ tịch UBND xã số “{ $number }” đã ghi nhận trong kế hoạch này. Xem các số tại /vanban so.
documents-no-meeting = Chưa có cuộc họp Hội đồng nào được ghi nhận trong kế hoạch này, nên chưa lập được biên bản. Chủ tịch Hội đồng ghi nhận cuộc họp trước, sau đó gửi lại /vanban bienban.
documents-meeting-not-found = Không có cuộc họp Hội đồng số { $id } trong kế hoạch này.
documents-meeting-usage = Cú pháp: /vanban bienban (cuộc họp gần nhất) hoặc /vanban bienban SỐ_CUỘC_HỌP, ví dụ /vanban bienban 3.
documents-access-denied = Việc soạn văn bản dành cho bộ phận thường trực (quản trị viên) và thành viên Hội đồng Thi đua – Khen thưởng.
documents-private-only = Văn bản có thông tin cá nhân nên chỉ gửi trong tin nhắn riêng. Đồng chí vui lòng nhắn riêng cho bot: /vanban
documents-unknown = Chưa có loại văn bản “{ $name }”.
documents-not-yet = Văn bản “{ $name }” chưa soạn được vì chưa có dữ liệu cần thiết (ví dụ biên bản cần cuộc họp Hội đồng đã ghi nhận).
documents-bad-ids = Số hồ sơ chỉ gồm chữ số, cách nhau bởi dấu cách hoặc dấu phẩy (ví dụ: /vanban totrinh 3 5 7).
documents-not-found = Không tìm thấy hồ sơ số: { $ids }.
documents-not-approved = Các hồ sơ sau chưa được Hội đồng thống nhất đề nghị nên chưa đưa vào văn bản: { $ids }.
documents-nothing-approved = Chưa có hồ sơ nào được Hội đồng thống nhất đề nghị mà chưa có quyết định khen thưởng, nên chưa có nội dung để soạn văn bản.
documents-preview-to-trinh = Tờ trình số { $number }, { $total } hồ sơ: { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ
documents-preview-quyet-dinh = Dự thảo quyết định số { $number }, { $total } hồ sơ: { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ
documents-preview-danh-sach = Danh sách đề nghị ({ $format ->
        [xlsx] Excel
       *[other] Word
    }), { $total } hồ sơ: { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ
documents-draft-note = <i>Văn bản mang dấu “DỰ THẢO” cho đến khi có bản đã ký. Khi đã ký, đồng chí gõ: /vanban ky { $number }</i>
documents-pdf-unavailable = Máy chủ chưa cài LibreOffice nên chưa xuất được bản PDF; đồng chí dùng bản Word kèm theo.
documents-numbers-empty = Năm { $year } chưa cấp số văn bản nào.
documents-numbers-title = <b>Sổ văn bản năm { $year }</b> (mới nhất trước):
documents-numbers-row = • Số { $number }, ngày { $date }{ $signed ->
        [yes] , đã ký
       *[other] , dự thảo
    }
documents-sign-usage = Đồng chí gõ số văn bản đã ký, ví dụ: /vanban ky 05/TTr-UBND
documents-signed = Đã ghi nhận văn bản số { $number } đã ký; bản in lại không còn dấu “DỰ THẢO”.
documents-sign-unknown = Sổ văn bản năm nay không có số { $number }.
documents-file-saved = Đã lưu tệp: { $path }
documents-zalo-file-unsupported = Zalo chỉ nhận tệp PDF và Word; tệp { $name } đồng chí vui lòng lấy qua Telegram hoặc bảng điều khiển trên máy chủ.
documents-zalo-file-failed = Chưa gửi được tệp { $name } qua Zalo (tệp quá lớn hoặc Zalo tạm thời không nhận). Đồng chí thử lại sau hoặc lấy qua Telegram.
## Ngày thực hiện các mốc (/ngaymoc)
cmd-ngaymoc = Ghi ngày tổ chức sơ kết, tổng kết, hội nghị (quản trị)
timeline-admin-hint = <i>Khi đã định ngày tổ chức sơ kết, tổng kết hoặc hội nghị, gõ /ngaymoc để ghi ngày thực hiện: nhắc việc sẽ đếm ngược đến ngày đó.</i>
mdate-title = <b>Ngày thực hiện các mốc</b>
    Kế hoạch chỉ ghi năm hoặc dịp cho nhiều mốc; chọn một mốc để ghi ngày tổ chức thực tế:
mdate-item = { $n }. { $title }
    {"   "}→ { $when }
mdate-button = { $n }. { $title }
mdate-hint = <i>Nhắc việc chỉ đếm ngược đến ngày cụ thể: ngày kế hoạch ghi rõ, hoặc ngày thực hiện do Thường trực Hội đồng Thi đua – Khen thưởng xã ghi tại đây.</i>
mdate-none = Không còn mốc nào sắp tới để ghi ngày thực hiện.
mdate-ask = Mốc: { $title }
    Kế hoạch ghi: { $when }
    Đồng chí nhập ngày tổ chức thực tế (ví dụ: 15/12/2026).
mdate-clear = Xóa ngày đã ghi
mdate-bad-date = Ngày chưa đúng. Đồng chí nhập theo dạng ngày/tháng/năm, ví dụ: 15/12/2026.
mdate-set = Đã ghi ngày thực hiện { $date } cho mốc: { $title }. { $past ->
        [yes] (Ngày này đã qua.)
       *[no] Nhắc việc sẽ đếm ngược đến ngày này.
    }
mdate-cleared = Đã xóa ngày thực hiện của mốc: { $title }. Kế hoạch ghi: { $when }.
mdate-unknown = Không còn mốc này trong kế hoạch.



## Bảo mật: quyền khi ghi
dialog-closed-role = Việc đang làm dở đã được đóng lại vì tài khoản không còn vai trò cần cho việc này; chưa có gì được lưu. Nếu đồng chí cho rằng có nhầm lẫn, xin liên hệ bộ phận thường trực Hội đồng Thi đua – Khen thưởng xã.
dialog-closed-role-notice = { $kind ->
        [register] Vai trò của đồng chí vừa được thu hồi nên hồ sơ đăng ký đang làm dở đã được đóng lại; phần chưa gửi không được lưu.
       *[other] Vai trò của đồng chí vừa được thu hồi nên việc đang làm dở đã được đóng lại; phần chưa gửi không được lưu.
    }
nomination-edit-not-yours = Chỉ cán bộ của đơn vị đề nghị mới sửa được hồ sơ này; đồng chí có thể thêm ghi chú.
## Bản nháp đăng ký
draft-kept = Hồ sơ đăng ký đang làm dở{ $named ->
        [no] {""}
       *[yes] {" "}“{ $name }”
    } đã được lưu thành bản nháp (giữ ít nhất 30 ngày). Gõ /hoso để tiếp tục khi cần.
register-leave-ask = Đồng chí đang đăng ký dở hồ sơ{ $named ->
        [no] {""}
       *[yes] {" "}“{ $name }”
    }. Bỏ hồ sơ đó để làm việc khác? Nội dung đã nhập sẽ được lưu thành bản nháp (giữ ít nhất 30 ngày, xem trong /hoso).
dialog-leave-keep = ↩ Tiếp tục hồ sơ đang làm
dialog-leave-go = Để lại bản nháp, làm việc khác
draft-gone = Không còn bản nháp này.
draft-deleted = Đã xóa bản nháp.
drafts-title = <b>Bản nháp đăng ký dở ({ $count })</b> — giữ ít nhất 30 ngày, bấm để tiếp tục:
drafts-item = • { $named ->
        [no] (chưa nhập tên)
       *[yes] { $name }
    } — sửa lần cuối { $date }
drafts-resume = ▶ Tiếp tục: { $named ->
        [no] (chưa nhập tên)
       *[yes] { $name }
    }
drafts-delete = 🗑 Xóa nháp
documents-achievement-usage = Đồng chí gõ số hồ sơ cần lập báo cáo thành tích, ví dụ: /vanban thanhtich 12 (số hồ sơ xem trong /hoso); không ghi số: báo cáo của mọi hồ sơ Hội đồng đã thống nhất đề nghị, trong một tệp.
documents-preview-achievement = Báo cáo thành tích của { $name } (hồ sơ số { $id }, mẫu { $subject ->
        [COLLECTIVE] tập thể
        [HOUSEHOLD] hộ gia đình
       *[INDIVIDUAL] cá nhân
    })
documents-year-usage = Đồng chí gõ năm báo cáo, ví dụ: /vanban nam 2026 (không ghi năm: năm nay).
documents-preview-yearly = Báo cáo năm { $year } của Hội đồng: { $met }/{ $targets } chỉ tiêu đã đạt, { $exemplars } điển hình được Hội đồng thống nhất đề nghị, { $deeds } việc tốt được đăng
documents-preview-achievements = Báo cáo thành tích của { $total } hồ sơ trong một tệp (mỗi báo cáo một phần, đánh số trang riêng): { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ

## Việc tốt chờ kiểm duyệt
deeds-arrived = 📬 Có việc tốt mới bà con gửi, chờ cán bộ xác minh và kiểm duyệt: hiện có { $count } việc chờ{ $days ->
        [0] {""}
       *[other] , việc chờ lâu nhất đã { $days } ngày
    }.
reminder-deeds = ⏰ Còn { $count } việc tốt chờ kiểm duyệt{ $days ->
        [0] {""}
       *[other] ; việc chờ lâu nhất đã { $days } ngày
    }. Bà con đã được hứa “cán bộ xã sẽ xác minh”.
deeds-open-queue = Mở danh sách kiểm duyệt
digest-deeds-waiting = <b>Việc tốt chờ kiểm duyệt:</b> { $count } (lâu nhất { $days } ngày)
action-stale = Nút này đã hết hiệu lực. Hồ sơ hiện nay như sau:
nomination-decision-item = • { $authority ->
        [COMMUNE] Chủ tịch UBND xã quyết định tặng “{ $award }”, quyết định số { $number } ngày { $date }
       *[HIGHER] { $signer } quyết định tặng “{ $award }”, quyết định số { $number } ngày { $date }
    }
nomination-proposal-item = • Tờ trình số { $number } ngày { $date } đề nghị { $to } tặng “{ $award }” — { $outcome ->
        [PENDING] chờ kết quả
        [AWARDED] đã có quyết định
       *[REFUSED] cấp trên không đồng ý: { $reason }
    }
nomination-votes-title = <b>Ý kiến thành viên Hội đồng (vòng { $round }):</b> { $count }/{ $eligible } thành viên đã cho ý kiến
nomination-vote-item = • { $name }: { vote-decision }{ $reason }{ $changed ->
        [yes] {" "}(đã đổi ý kiến)
       *[no] {""}
    }
nomination-vote-reason = {" "}— { $reason }
nomination-vote-abstain = • { $mine ->
        [yes] Đồng chí là người đề nghị hồ sơ này nên không biểu quyết.
       *[no] Người đề nghị là thành viên Hội đồng: không biểu quyết hồ sơ của mình.
    }
nomination-withdraw = Rút hồ sơ
exemplar-decision = { $authority ->
        [COMMUNE] Chủ tịch UBND xã quyết định công nhận, tặng “{ $award }” (quyết định số { $number } ngày { $date })
       *[HIGHER] { $signer } quyết định tặng “{ $award }” (quyết định số { $number } ngày { $date })
    }
review-open-one = Cho ý kiến về hồ sơ này
review-vote-button = { $decision ->
        [AGREE] ✅ Đồng ý
        [ASK_CHANGES] ↩ Đề nghị bổ sung
       *[DISAGREE] ✖ Không đồng ý
    }
review-confirm = Đồng chí cho ý kiến “{ vote-decision }” đối với hồ sơ #{ $id } (vòng xét { $round }). Đồng chí xác nhận?
review-confirm-reason = Lý do: { $reason }
review-confirm-yes = ✔ Xác nhận
review-changed = Đã đổi ý kiến của đồng chí cho hồ sơ #{ $id } thành “{ vote-decision }” (vòng { $round }).
review-tally = Kết quả hiện tại: { $agree } đồng ý, { $changes } đề nghị bổ sung, { $disagree } không đồng ý ({ $eligible } thành viên được biểu quyết).
review-abstained = { $name } không biểu quyết (là người đề nghị hồ sơ).
review-change-vote = Đổi ý kiến
review-my-vote = <i>Ý kiến hiện tại của đồng chí (vòng { $round }): { vote-decision }. Đồng chí có thể đổi khi vòng xét còn mở.</i>
review-stalled-told = Tất cả thành viên đã cho ý kiến nhưng chưa đủ để có kết quả theo quy chế của Hội đồng. Chủ tịch Hội đồng đã được báo để kết luận.
notice-proposed = 📋 Hồ sơ #{ $id } ({ $name }): Hội đồng Thi đua – Khen thưởng xã thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định công nhận. Đơn vị sẽ được báo khi có quyết định.
notice-awaits-decision = 📋 Hội đồng thống nhất đề nghị hồ sơ #{ $id } ({ $name }). Đồng chí ghi quyết định của Chủ tịch UBND xã hoặc lập tờ trình đề nghị cấp trên từ hồ sơ.
notice-decided = 🎉 Chủ tịch UBND xã quyết định công nhận, tặng “{ $award }” cho { $name } (hồ sơ #{ $id }), quyết định số { $number } ngày { $date }. Cảm ơn đơn vị đã phát hiện và bồi dưỡng!
notice-proposed-higher = 📤 Hồ sơ #{ $id } ({ $name }) đã được trình { $authority } đề nghị tặng “{ $award }” (tờ trình số { $number } ngày { $date }). Đơn vị sẽ được báo khi có kết quả.
notice-higher-awarded = 🎉 Cấp trên đã quyết định khen thưởng { $name } (hồ sơ #{ $id }), quyết định số { $number } ngày { $date }.
notice-higher-refused = Cấp trên chưa đồng ý đề nghị khen thưởng { $name } (hồ sơ #{ $id }). Lý do: { $reason } Hồ sơ trở lại chờ Chủ tịch UBND xã xem xét.
notice-declined = Chủ tịch UBND xã chưa công nhận { $name } (hồ sơ #{ $id }). Lý do: { $reason }
chair-new-round = 🔄 Mở vòng xét mới
chair-return = ↩ Trả lại để bổ sung
chair-conclude = 📝 Ghi kết luận cuộc họp
chair-stalled = ⚠️ Hồ sơ #{ $id } ({ $name }), vòng xét { $round }: { $why ->
        [ALL_VOTED] tất cả thành viên đã cho ý kiến nhưng chưa có kết quả theo quy chế của Hội đồng.
       *[TOO_LONG] vòng xét đã mở quá { $days } ngày mà chưa có kết quả.
    } Đề nghị đồng chí Chủ tịch Hội đồng mở vòng xét mới, trả lại để bổ sung, hoặc ghi kết luận của cuộc họp Hội đồng.
decide-open = 🏅 Ghi quyết định của Chủ tịch UBND xã
propose-higher-open = 📤 Lập tờ trình đề nghị cấp trên
decline-open = Chủ tịch UBND xã không công nhận
higher-awarded-open = Ghi quyết định của cấp trên
higher-refused-open = Cấp trên không đồng ý
decide-ask-date = Nhập ngày ký quyết định (ngày/tháng/năm, ví dụ 15/11/2025):
propose-higher-ask-date = Nhập ngày gửi tờ trình (ngày/tháng/năm, ví dụ 15/11/2025):
decide-ask-award = Chọn danh hiệu thi đua hoặc hình thức khen thưởng cho { $type } (áp dụng ngày { $date }):
decide-no-award = Không có danh hiệu thi đua hoặc hình thức khen thưởng nào { $mode ->
        [COMMUNE] thuộc thẩm quyền Chủ tịch UBND xã
       *[HIGHER] của cấp trên
    } áp dụng cho { $type } vào ngày { $date }. Đồng chí bấm “Quay lại” để chọn ngày khác, hoặc hủy.
award-option = { $name } ({ $commune ->
        [yes] Chủ tịch UBND xã quyết định tặng
       *[no] { $authority } quyết định{ $verified ->
            [yes] {""}
           *[no] {" "}— thẩm quyền chưa xác minh
        }
    })
award-unverified = <i>Thẩm quyền “{ $authority }” trong bảng hiện có chưa được xác minh (nguồn: { $source }). Đồng chí kiểm tra lại trước khi gửi.</i>
decide-ask-number = Nhập số quyết định (ví dụ 05/QĐ-UBND):
propose-higher-ask-number = Nhập số tờ trình, văn bản đề nghị (ví dụ 45/TTr-UBND):
decide-confirm = Ghi quyết định: Chủ tịch UBND xã quyết định tặng “{ $award }” cho { $name } (hồ sơ #{ $id }), quyết định số { $number } ngày { $date }. Đồng chí xác nhận?
propose-higher-confirm = Ghi tờ trình số { $number } ngày { $date } đề nghị { $authority } tặng “{ $award }” cho { $name } (hồ sơ #{ $id }). Đồng chí xác nhận?
decide-saved = Đã ghi quyết định số { $number } ngày { $date } cho hồ sơ #{ $id }. Đơn vị đề nghị đã được báo.
propose-higher-saved = Đã ghi tờ trình số { $number } ngày { $date } cho hồ sơ #{ $id }. Khi có kết quả của cấp trên, đồng chí ghi từ hồ sơ.
higher-ask-number = Nhập số quyết định của cấp trên:
higher-ask-date = Nhập ngày ký quyết định của cấp trên (ngày/tháng/năm):
higher-ask-refusal = Nhập lý do cấp trên không đồng ý (theo văn bản trả lời):
higher-awarded-saved = Đã ghi quyết định số { $number } ngày { $date } của cấp trên cho hồ sơ #{ $id }.
higher-refused-saved = Đã ghi: cấp trên không đồng ý hồ sơ #{ $id }. Hồ sơ trở lại chờ Chủ tịch UBND xã xem xét.
decline-ask-reason = Nhập lý do Chủ tịch UBND xã không công nhận hồ sơ #{ $id }:
decline-saved = Đã ghi: Chủ tịch UBND xã không công nhận hồ sơ #{ $id }. Đơn vị đề nghị đã được báo.
withdraw-ask-reason = Nhập lý do đơn vị rút hồ sơ #{ $id }:
withdraw-saved = Đã rút hồ sơ #{ $id }. Hội đồng không xét hồ sơ này nữa.
chair-confirm-new-round = Mở vòng xét { $round } cho hồ sơ #{ $id }? Ý kiến của vòng trước được giữ trong lịch sử; các thành viên cho ý kiến lại.
chair-round-opened = Đã mở vòng xét { $round } cho hồ sơ #{ $id }. Các thành viên Hội đồng đã được báo.
chair-round-opened-notice = 🔄 Chủ tịch Hội đồng mở vòng xét { $round } cho hồ sơ #{ $id } ({ $name }). Đề nghị đồng chí cho ý kiến.
chair-ask-return-reason = Nhập ý kiến của Chủ tịch Hội đồng về nội dung hồ sơ #{ $id } cần bổ sung:
chair-returned = Đã trả lại hồ sơ #{ $id } để đơn vị bổ sung. Đơn vị đề nghị đã được báo.
meeting-no-rounds = Hiện không có hồ sơ nào đang trong vòng xét của Hội đồng, nên chưa có nội dung để ghi kết quả cuộc họp.
meeting-no-members = Chưa có thành viên Hội đồng nào trên hệ thống. Đề nghị bộ phận thường trực cấp quyền cho các thành viên (/moi) trước khi ghi cuộc họp.
meeting-ask-date = 📝 Ghi kết quả cuộc họp Hội đồng Thi đua – Khen thưởng xã ({ $count } hồ sơ đang trong vòng xét). Kết quả ghi ở đây là căn cứ lập biên bản cuộc họp.
    Nhập ngày họp (ví dụ { $example }):
meeting-date-future = Ngày họp không được sau ngày hôm nay: chỉ ghi cuộc họp đã diễn ra.
meeting-ask-time = Nhập giờ bắt đầu và giờ kết thúc cuộc họp (giờ Việt Nam), ví dụ 8:00 - 10:30:
meeting-time-invalid = Chưa đọc được giờ. Đồng chí nhập giờ bắt đầu và giờ kết thúc, cách nhau bằng dấu gạch ngang, ví dụ 8:00 - 10:30.
meeting-time-order = Giờ kết thúc phải sau giờ bắt đầu.
meeting-time-future = Theo giờ đã nhập, cuộc họp ngày { $date } chưa kết thúc (kết thúc lúc { $end }). Đồng chí ghi kết quả sau khi cuộc họp kết thúc.
meeting-ask-place = Nhập địa điểm họp (ví dụ: Hội trường UBND xã):
meeting-text-length = Nội dung cần từ { $min } đến { $max } ký tự.
meeting-ask-present = Thành viên Hội đồng dự họp: bấm tên để đổi giữa có mặt (✅) và vắng mặt (❌), rồi bấm “Xong”. Có mặt { $present }/{ $size } thành viên.
meeting-member = { $present ->
        [yes] ✅
       *[no] ❌
    } { $name }
meeting-present-done = Xong
meeting-none-present = Cần ít nhất một thành viên có mặt.
meeting-ask-chair = Ai chủ trì cuộc họp? Bấm tên, hoặc nhập họ tên người chủ trì.
meeting-ask-secretary = Ai là thư ký ghi biên bản? Bấm tên, hoặc nhập họ tên.
meeting-item = Hồ sơ { $index }/{ $total }: #{ $id } { $name } (vòng xét { $round }).
    Ý kiến đã ghi của các thành viên có mặt: { $agree } đồng ý, { $changes } đề nghị bổ sung, { $disagree } không đồng ý; { $abstain } không biểu quyết.
    Kết luận của Hội đồng tại cuộc họp?
meeting-item-absent-votes = <i>{ $count } ý kiến của thành viên vắng mặt không tính vào kết quả biểu quyết tại cuộc họp.</i>
meeting-conclusion = { $conclusion ->
        [PROPOSE] Hội đồng thống nhất đề nghị
        [RETURN] Đề nghị đơn vị bổ sung
       *[REJECT] Hội đồng không đề nghị
    }
meeting-skip = Không xét tại cuộc họp này
meeting-ask-remarks = Nhập ý kiến của Hội đồng đối với hồ sơ #{ $id } ({ $name }) — { $conclusion }:
meeting-use-member-reasons = Dùng ý kiến đã ghi của các thành viên
meeting-nothing-concluded = Chưa có hồ sơ nào được kết luận tại cuộc họp này nên không có gì để ghi. Đồng chí bấm “Quay lại” để kết luận, hoặc “Hủy”.
meeting-confirm = Đồng chí kiểm tra trước khi ghi:
    Ngày { $date }, từ { $start } đến { $end }, tại { $place }.
    Chủ trì: { $chair }. Thư ký: { $secretary }.
    Có mặt { $present }/{ $size }: { $presentNames }. Vắng mặt: { $absentNames }.
meeting-confirm-item = • #{ $id } { $name }: { $agree } đồng ý, { $changes } đề nghị bổ sung, { $disagree } không đồng ý, { $abstain } không biểu quyết — { $conclusion }.{ $remarks }
meeting-confirm-yes = Ghi kết quả cuộc họp
meeting-saved = Đã ghi kết quả cuộc họp Hội đồng ngày { $date } (cuộc họp #{ $id }): { $count } hồ sơ, trong đó { $proposed } hồ sơ Hội đồng thống nhất đề nghị Chủ tịch UBND xã xem xét, quyết định. Các đơn vị đề nghị đã được báo.
meeting-open-minutes = 📄 Biên bản cuộc họp
meeting-stale = Hồ sơ #{ $id } đã thay đổi trong lúc ghi (đã mở vòng xét mới, đã có kết quả hoặc đã rút). Chưa ghi gì; đề nghị đồng chí ghi lại cuộc họp (/hop) với các hồ sơ hiện tại.

## Kế hoạch dạng bảng tính (npm run plan:template, plan:import)
plan-xlsx-cell = Sheet { $sheet }, dòng { $row }, cột { $col }: { $problem }
plan-xlsx-row = Sheet { $sheet }, dòng { $row }: { $problem }
plan-xlsx-sheet = Sheet { $sheet }: { $problem }
plan-xlsx-unreadable = không đọc được tệp (cần tệp Excel .xlsx): { $detail }
plan-xlsx-no-sheet = thiếu sheet này; hãy dùng mẫu do lệnh npm run plan:template tạo ra
plan-xlsx-no-field = thiếu dòng «{ $field }» ở cột A
plan-xlsx-no-column = thiếu cột «{ $field }» ở dòng 1
plan-xlsx-no-rows = chưa có dòng nào; cần ít nhất một dòng
plan-xlsx-no-criteria = lĩnh vực này chưa có tiêu chí nào; hãy thêm tiêu chí ở sheet Tiêu chí
plan-xlsx-missing = thiếu { $field }
plan-xlsx-code = mã «{ $value }» không hợp lệ; mã chỉ gồm chữ cái không dấu, chữ số và các dấu . _ - (không dấu cách, tối đa 40 ký tự), ví dụ: ntm-01
plan-xlsx-date = ngày «{ $value }» không hợp lệ; hãy ghi năm-tháng-ngày, ví dụ: 2026-01-01
plan-xlsx-plan-date = thời điểm «{ $value }» không hợp lệ; hãy ghi năm (2026), năm-tháng (2026-03) hoặc năm-tháng-ngày (2026-03-15)
plan-xlsx-count = số «{ $value }» không hợp lệ; hãy ghi số nguyên từ 0 trở lên
plan-xlsx-yes-no = «{ $value }» không hợp lệ; hãy ghi «có» hoặc để trống
plan-xlsx-choice = «{ $value }» không hợp lệ; hãy ghi một trong: { $options }
plan-xlsx-duplicate = mã «{ $value }» bị trùng với một dòng phía trên; mỗi dòng cần một mã riêng
plan-xlsx-unknown = mã «{ $value }» không có trong sheet { $other }; hãy ghi một mã đã có ở sheet đó hoặc thêm mã này vào sheet đó
plan-xlsx-not-in-category = «{ $value }» không có trong cột Loại đối tượng của lĩnh vực; hãy thêm vào đó hoặc sửa ở đây
plan-xlsx-ends-before = thời điểm kết thúc sớm hơn thời điểm bắt đầu
plan-xlsx-quota-empty = chỉ tiêu chưa có số gương nào; hãy ghi ít nhất 1 ở một trong các cột Số tập thể, Số cá nhân, Số hộ gia đình, Số gương bất kỳ
plan-xlsx-precision = độ chính xác không khớp thời điểm: Ngày cần năm-tháng-ngày, Tháng cần năm-tháng; «Trước ngày» chỉ dùng với một ngày cụ thể
plan-xlsx-other = giá trị không hợp lệ ({ $detail })
plan-xlsx-invalid = Tệp { $file } có { $count } lỗi, chưa nhập gì. Hãy sửa các lỗi sau rồi nhập lại:

## Nạp kế hoạch trong khung chat (quản trị viên gửi tệp kế hoạch)
plan-upload-unreadable = Chưa đọc được tệp { $file }: { $reason ->
    [too-large] tệp lớn hơn { $max } MB. Hãy gửi tệp kế hoạch theo mẫu (npm run plan:template), không kèm hình ảnh.
   *[other] không tải được tệp từ nền tảng. Đồng chí vui lòng gửi lại sau ít phút.
  }
plan-upload-invalid = Tệp { $file } có { $count } lỗi, chưa nạp gì:
plan-upload-issue = • { $issue }
plan-upload-more-issues = … và { $count } lỗi khác.
plan-upload-fix-and-resend = Đồng chí sửa các ô nêu trên rồi gửi lại tệp.
plan-upload-field-issue = Mục { $path }: { $problem }
plan-upload-unchanged = Tệp này giống hệt kế hoạch đang dùng ({ $title }); không có gì thay đổi.
plan-upload-checked = <b>Đã kiểm tra tệp { $file }: không có lỗi.</b>
plan-upload-name = Kế hoạch: { $title }
plan-upload-period = Thời gian thực hiện: { $start } – { $end }
plan-upload-counts = Gồm { $movements } phong trào, { $categories } lĩnh vực, { $criteria } tiêu chí, { $units } đơn vị, { $quotas } chỉ tiêu, { $phases } giai đoạn, { $milestones } mốc.
plan-upload-is-sample = <i>Đây là kế hoạch MẪU, không phải văn bản chính thức.</i>
plan-upload-edits-active = Đây là bản sửa của kế hoạch đang dùng (cùng mã { $id }): các mục được cập nhật tại chỗ.
plan-upload-replaces = Kế hoạch này sẽ thay kế hoạch đang dùng ({ $active }). Hồ sơ, quyết định của kế hoạch cũ vẫn được lưu và xem được.
plan-upload-changes = So với kế hoạch đang dùng: { $changes }.
plan-upload-no-changes = So với kế hoạch đang dùng: không có đơn vị, lĩnh vực hay tiêu chí nào thay đổi.
plan-change = { $count } { $what ->
    [unit] đơn vị
    [category] lĩnh vực
   *[criterion] tiêu chí
  } { $change ->
    [added] mới
    [renamed] đổi tên
   *[removed] bị bỏ
  }{ $listed ->
    [yes] { " " }({ $codes })
   *[no] {""}
  }
plan-upload-officers-kept = { $count } cán bộ giữ vai trò ở đơn vị cùng mã trong kế hoạch mới.
plan-upload-officers-lost = { $count } cán bộ sẽ mất vai trò vì đơn vị không còn trong kế hoạch mới: { $names }.
plan-upload-confirm = Áp dụng kế hoạch này làm kế hoạch đang dùng?
plan-upload-apply = ✅ Áp dụng kế hoạch này
plan-upload-cancel = Hủy
plan-upload-cancelled = Đã hủy. Kế hoạch đang dùng không thay đổi.
plan-apply-refused = { $reason ->
    [denied] Chỉ quản trị viên đã gửi tệp mới áp dụng được kế hoạch này.
    [gone] Không tìm thấy tệp kế hoạch này. Đồng chí vui lòng gửi lại tệp.
    [applied] Kế hoạch này đã được áp dụng rồi.
    [stale] Từ khi kiểm tra tệp này, một kế hoạch khác đã được áp dụng. Đồng chí vui lòng gửi lại tệp để xem lại thay đổi.
   *[in-use] Chưa áp dụng được: bản sửa bỏ một lĩnh vực hoặc đơn vị mà hồ sơ đã có đang dùng. Hãy giữ mục đó trong tệp (có thể đổi tên) rồi gửi lại.
  }
plan-applied = <b>Đã áp dụng kế hoạch: { $title }.</b> Từ bây giờ đăng ký, chỉ tiêu và mốc theo kế hoạch này.
plan-applied-history = Hồ sơ và điển hình của kế hoạch trước ({ $previous }) vẫn được lưu; /guong hiển thị điển hình của mọi kế hoạch.
plan-applied-kept = Đã báo { $count } cán bộ: tiếp tục vai trò ở đơn vị cùng mã.
plan-applied-lost = Đã báo { $count } cán bộ: đơn vị không còn trong kế hoạch, cần được mời lại.
plan-officer-kept = Kế hoạch mới đã được áp dụng: { $plan }. Đồng chí tiếp tục là cán bộ của { $unit } trong kế hoạch này.
plan-officer-lost = Kế hoạch mới đã được áp dụng: { $plan }. Đơn vị { $unit } của đồng chí không có trong kế hoạch này, nên đồng chí tạm thời không còn vai trò cán bộ. Hồ sơ cũ vẫn được lưu. Đồng chí vui lòng liên hệ { $contact } (bộ phận thường trực Hội đồng Thi đua – Khen thưởng xã) để được mời vào đơn vị mới.
plan-sample-warning = <i>Lưu ý: bot đang dùng kế hoạch MẪU giai đoạn { $years }, không phải văn bản chính thức. Những gì đăng ký bây giờ được ghi theo kế hoạch mẫu này.</i>
exemplars-plan-heading = <b>{ $plan }</b>{ $active ->
    [yes] { " " }(đang dùng)
   *[no] {""}
  }

## Tờ trình đề nghị cấp trên khen thưởng (/vanban captren)
documents-button-to-trinh-cap-tren = Tờ trình đề nghị cấp trên khen thưởng
documents-button-proposal = Tờ trình số { $number } ngày { $date } ({ $count } hồ sơ)
documents-preview-to-trinh-cap-tren = Tờ trình đề nghị cấp trên khen thưởng số { $number } (kính gửi { $authority }), { $total } hồ sơ: { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ
documents-preview-to-trinh-cap-tren-recorded = Tờ trình số { $number } ngày { $date } gửi { $authority } (đã ghi nhận): { $total } hồ sơ: { $collectives } tập thể, { $individuals } cá nhân, { $households } hộ
documents-proposal-not-found = Không có tờ trình đề nghị cấp trên số “{ $number }” đã ghi nhận trong kế hoạch này.
documents-proposal-empty = Tờ trình số { $number } không có hồ sơ nào mang danh hiệu, hình thức khen thưởng thuộc thẩm quyền cấp trên theo bảng hình thức khen thưởng hiện có.
documents-higher-level = Các hồ sơ sau được Hội đồng đề nghị danh hiệu, hình thức khen thưởng thuộc thẩm quyền cấp trên, nên không đưa vào văn bản của xã: { $ids }. Tờ trình đề nghị cấp trên: /vanban captren
documents-commune-level = Các hồ sơ sau không có danh hiệu, hình thức khen thưởng vượt thẩm quyền của Chủ tịch UBND xã, nên không đưa vào tờ trình đề nghị cấp trên: { $ids }.
documents-nothing-higher = Chưa có hồ sơ nào được Hội đồng thống nhất đề nghị danh hiệu, hình thức khen thưởng thuộc thẩm quyền cấp trên (Hội đồng ghi hình thức đề nghị khi ghi nhận cuộc họp).

## Chọn quyết định để in (/vanban quyetdinh)
documents-button-decision = Quyết định số { $number } ngày { $date } ({ $count } hồ sơ)
documents-nominee-decided = Hồ sơ số { $id } đã có Quyết định số { $number }.
documents-decision-mixed = Các hồ sơ sau chưa có quyết định: { $ids }. Đồng chí in quyết định đã có bằng nút dưới đây, hoặc soạn dự thảo riêng cho các hồ sơ chưa có quyết định.
documents-decision-choose = Các hồ sơ này thuộc nhiều quyết định; đồng chí chọn quyết định cần in:
documents-decisions-none = Chưa có quyết định khen thưởng nào của Chủ tịch UBND xã được ghi nhận trong kế hoạch này.
documents-decisions-title = Có { $count } quyết định khen thưởng của Chủ tịch UBND xã đã ghi nhận ({ $shown } quyết định mới nhất dưới đây; quyết định khác: /vanban quyetdinh SỐ, ví dụ /vanban quyetdinh 07/QĐ-UBND). Đồng chí chọn quyết định cần in:

## Thông tin của xã trên văn bản (/vanban caidat)
documents-button-settings = Thông tin của xã trên văn bản
documents-settings-denied = Việc sửa thông tin của xã trên văn bản dành cho bộ phận thường trực (quản trị viên).
documents-settings-title = <b>Thông tin của xã trên văn bản</b> (giá trị đang dùng; “đã sửa trong bot” là giá trị thay cho tệp plans/commune.yaml):
documents-settings-row = { $n }. { $label }: { $value }{ $set ->
        [yes] {" "}(đã sửa trong bot)
       *[other] {""}
    }
documents-settings-pick = Đồng chí chọn mục cần sửa (bấm nút hoặc gõ số thứ tự).
documents-settings-number = { $n }
documents-settings-pick-again = Đồng chí gõ một số từ 1 đến { $max }, hoặc bấm nút của mục cần sửa.
documents-settings-field = { $kind ->
        [place] Địa danh ở dòng ngày tháng
        [issuer-parent] Tên cơ quan chủ quản ({ $owner })
        [issuer-name] Tên cơ quan ban hành ({ $owner })
        [issuer-full-name] Tên cơ quan trong câu văn ({ $owner })
        [issuer-symbol] Ký hiệu cơ quan trong số văn bản ({ $owner })
        [signer-post] Chức vụ người ký ({ $owner })
        [signer-name] Họ tên người ký ({ $owner })
       *[type-symbol] Ký hiệu loại văn bản ({ $owner })
    }
documents-settings-signer = { $id ->
        [chairman] Chủ tịch UBND xã
        [viceChairman] Phó Chủ tịch UBND xã
        [councilChair] Chủ tịch Hội đồng TĐKT
        [councilSecretary] Thư ký Hội đồng TĐKT
        [unitHead] Thủ trưởng đơn vị
       *[other] { $id }
    }
documents-settings-document = { $kind ->
        [toTrinh] Tờ trình của xã
        [toTrinhCapTren] Tờ trình đề nghị cấp trên
        [bienBan] Biên bản họp Hội đồng
        [quyetDinh] Quyết định khen thưởng
        [baoCaoNam] Báo cáo năm của Hội đồng
       *[other] { $kind }
    }
documents-settings-ask = { $label }: hiện là “{ $value }”. Đồng chí gõ giá trị mới{ $kind ->
        [issuer-parent] {" "}(chữ in hoa, ví dụ ỦY BAN NHÂN DÂN)
        [issuer-name] {" "}(chữ in hoa, ví dụ XÃ IA BANG)
        [issuer-symbol] {" "}(chữ in hoa và chữ số, không dấu cách, ví dụ UBND)
        [signer-post] {" "}(chữ in hoa, ví dụ PHÓ CHỦ TỊCH)
        [signer-name] {" "}(chỉ họ và tên, không ghi học hàm, học vị)
        [type-symbol] {" "}(chỉ chữ cái, ví dụ TTr, QĐ)
       *[other] {""}
    }.
documents-settings-reset = Trở về giá trị trong tệp
documents-settings-invalid = Chưa lưu được { $label }: { $problem ->
        [empty] giá trị không được để trống.
        [too-long] giá trị quá dài (tối đa 200 ký tự).
        [one-line] giá trị chỉ được viết trên một dòng.
        [capitals] theo Nghị định 30/2020/NĐ-CP, dòng này viết bằng chữ in hoa.
        [issuer-symbol] ký hiệu cơ quan chỉ gồm chữ in hoa và chữ số, không dấu cách (ví dụ UBND, HĐTĐKT).
        [type-symbol] ký hiệu loại văn bản chỉ gồm chữ cái (ví dụ TTr, QĐ, BB).
        [title] theo Nghị định 30/2020/NĐ-CP, trước họ tên người ký không ghi học hàm, học vị hay danh xưng.
       *[invalid] giá trị này làm thông tin văn bản không hợp lệ.
    } Đồng chí gõ lại.
documents-settings-same = Giá trị này trùng với giá trị đang dùng. Đồng chí gõ giá trị khác, hoặc bấm Hủy.
documents-settings-confirm = { $reset ->
        [yes] { $label }: bỏ giá trị đã sửa “{ $from }”, trở về giá trị trong tệp?
       *[other] { $label }: “{ $from }” → “{ $to }”. Đồng chí xác nhận lưu?
    }
documents-settings-save = Lưu
documents-settings-saved = Đã lưu. { $label } trên văn bản soạn từ nay: “{ $value }”.
documents-settings-gone = Mục này không còn trong thông tin của xã (tệp đã thay đổi). Đồng chí mở lại: /vanban caidat
