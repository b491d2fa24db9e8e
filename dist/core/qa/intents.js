/**
 * What people ask the bot, declared in one place as data (issue 14): each intent with example
 * phrasings (Vietnamese with and without diacritics, abbreviations, English) and cue phrases that
 * point to it. The ranker ({@link ./classify.ts}) learns from nothing else; to teach the bot a new
 * phrasing, add it here.
 *
 * Cue phrases are written as people type them and folded with the same normalisation as questions
 * (no diacritics, abbreviations spelled out), so "hạn" and "han" are one cue.
 */
/** Every intent the free-text answerer knows. */
export const INTENT_IDS = [
    'criteria',
    'criteria.list',
    'criteria.general',
    'targets',
    'targets.total',
    'targets.households',
    'date.deadline',
    'date.review',
    'date.phase',
    'date.conference',
    'date.next',
    'process.nominate',
    'process.review',
    'process.decide',
    'process.higher',
    'process.dossier',
    'process.deed',
    'process.status',
    'exemplars',
    'title',
    'help',
    'ack',
    'other',
];
export const INTENTS = [
    {
        id: 'criteria',
        examples: [
            'tiêu chí y tế', 'tieu chi mo hinh truong hoc', 'trạm y tế cần gì', 'tiêu chí của hội phụ nữ',
            'mô hình cơ quan kiểu mẫu cần những gì', 'tc doanh nghiep', 'điều kiện để là điển hình hộ nghèo vượt khó',
            'tiêu chuẩn lựa chọn điển hình tiên tiến lĩnh vực quốc phòng', 'cá nhân cần đạt tiêu chí gì',
            'muốn được chọn làm điển hình thì phải đạt gì', 'thôn văn hóa phải đạt những tiêu chí nào',
            'yêu cầu đối với mô hình nông thôn mới', 'what are the criteria for health care', 'criteria for a school',
            'requirements for a model business', 'tiêu chí học tập và làm theo bác hồ', 'người tốt việc tốt cần gì',
        ],
        cues: ['tieu chi', 'tieu chuan', 'dieu kien', 'yeu cau', 'can dat', 'phai dat', 'can gi', 'can nhung gi', 'criteria', 'requirements', 'criterion'],
    },
    {
        id: 'criteria.list',
        examples: [
            'có những lĩnh vực nào', 'danh sách các mô hình', 'cac linh vuc dien hinh', 'liệt kê các loại mô hình',
            'kế hoạch có mấy lĩnh vực', 'xem tất cả tiêu chí', 'danh sach tieu chi', 'list the categories',
            'what categories are there', 'show all criteria', 'các loại điển hình tiên tiến',
        ],
        cues: ['linh vuc nao', 'nhung linh vuc', 'danh sach', 'liet ke', 'cac linh vuc', 'tat ca tieu chi', 'may linh vuc', 'categories', 'cac loai', 'cac mo hinh'],
    },
    {
        id: 'criteria.general',
        examples: [
            'tiêu chí chung', 'tieu chi chung la gi', 'tiêu chí chung cho mọi điển hình', 'những tiêu chí áp dụng chung',
            'general criteria', 'what are the general criteria', 'tc chung',
        ],
        cues: [['tieu chi chung', 2], ['ap dung chung', 1.5], ['general criteria', 2], ['chung', 0.5], ['general', 0.6]],
    },
    {
        id: 'targets',
        examples: [
            'chỉ tiêu của trạm y tế', 'chi tieu cong an', 'ct của đơn vị tôi', 'đơn vị tôi phải tìm bao nhiêu điển hình',
            'trạm y tế phải xây dựng mấy tập thể', 'tư pháp cần mấy cá nhân', 'chỉ tiêu của văn phòng thống kê',
            'quân sự phải có bao nhiêu điển hình', 'đơn vị mình được giao chỉ tiêu gì', 'chi tieu van hoa xa hoi',
            'tuyên giáo phải tìm mấy gương', 'địa chính chỉ tiêu bao nhiêu', 'what is the target of the health station',
            'how many collectives must the police find', 'my unit target', 'targets of my unit', 'chỉ tiêu', 'xem chỉ tiêu',
            'chỉ tiêu là bao nhiêu', 'mỗi đơn vị phải tìm mấy điển hình', 'giao chỉ tiêu cho ai', 'chỉ tiêu tính cho cả giai đoạn hay từng năm',
        ],
        cues: [['chi tieu', 1.6], ['bao nhieu', 0.6], ['may tap the', 1.2], ['may ca nhan', 1.2], ['may guong', 1], ['may dien hinh', 1], ['duoc giao', 0.6], ['target', 1.4], ['targets', 1.4], ['how many', 0.8], ['phai tim', 0.6], ['phai xay dung', 0.5], ['quota', 1.4]],
    },
    {
        id: 'targets.total',
        examples: [
            'cả xã phải có bao nhiêu điển hình', 'tổng chỉ tiêu của xã', 'tong cong bao nhieu tap the ca nhan',
            'toàn xã cần bao nhiêu gương điển hình tiên tiến', 'tổng số điển hình cả giai đoạn', 'commune total targets',
            'how many exemplars in total for the commune', 'tất cả các đơn vị cộng lại bao nhiêu',
        ],
        cues: [['tong', 1], ['ca xa', 1], ['toan xa', 1.2], ['cong lai', 1], ['total', 1.4], ['in total', 1], ['tong cong', 1.2], ['tong so', 1]],
    },
    {
        id: 'targets.households',
        examples: [
            'ai phải tìm hộ gia đình điển hình', 'hộ gia đình do đơn vị nào phụ trách', 'chi tieu ho gia dinh',
            'bao nhiêu hộ gia đình điển hình', 'đơn vị nào phải xây dựng hộ gia đình vượt nghèo', 'who must find households',
            'household targets', 'mấy hộ gia đình',
        ],
        cues: [['ho gia dinh', 1.4], ['household', 1.4], ['households', 1.4], ['may ho', 1.2], ['bao nhieu ho', 1.2]],
    },
    {
        id: 'date.deadline',
        examples: [
            'khi nào hết hạn nộp kế hoạch', 'hạn nộp kế hoạch triển khai', 'han gui ke hoach la ngay nao', 'deadline nộp kế hoạch',
            'bao giờ phải gửi kế hoạch về ủy ban', 'hạn chót là khi nào', 'ngày nào phải nộp', 'when is the deadline',
            'deadline for the implementation plan', 'khi nào phải nộp hồ sơ', 'thời hạn gửi kế hoạch',
        ],
        cues: [['han', 1.2], ['het han', 1.4], ['han chot', 1.5], ['thoi han', 1.4], ['deadline', 1.6], ['nop ke hoach', 1.4], ['gui ke hoach', 1.4], ['truoc ngay', 1], ['due', 0.8]],
    },
    {
        id: 'date.review',
        examples: [
            'khi nào sơ kết', 'tổng kết năm vào lúc nào', 'so ket giai doan 1 la khi nao', 'bao giờ tổng kết',
            'lịch tổng kết cuối năm', 'sơ kết nhân dịp gì', 'when is the interim review', 'when is the year end review',
            'final review date', 'ngày bình xét cuối năm', 'bao gio binh xet', 'tổng kết kế hoạch năm 2025 khi nào',
        ],
        cues: [['so ket', 1.6], ['tong ket', 1.6], ['binh xet', 0.9], ['review', 1.2], ['interim', 1.2], ['cuoi nam', 0.8], ['year end', 1.2]],
    },
    {
        id: 'date.phase',
        examples: [
            'giai đoạn 1 từ năm nào đến năm nào', 'giai doan 2 la khi nao', 'kế hoạch có mấy giai đoạn', 'các giai đoạn thực hiện',
            'hiện đang ở giai đoạn nào', 'kế hoạch kéo dài bao lâu', 'thời gian thực hiện kế hoạch', 'what are the phases',
            'when does phase 2 start', 'how long does the plan run', 'kế hoạch đã kết thúc chưa',
        ],
        cues: [['giai doan', 1.6], ['phase', 1.6], ['phases', 1.6], ['thoi gian thuc hien', 1.3], ['keo dai', 1], ['ket thuc', 0.8], ['bao lau', 0.8]],
    },
    {
        id: 'date.conference',
        examples: [
            'hội nghị điển hình tiên tiến khi nào', 'bao gio to chuc hoi nghi dien hinh', 'hội nghị tôn vinh điển hình năm nào',
            'hội nghị điển hình tiên tiến xã năm 2025', 'when is the conference', 'conference of exemplars date', 'dai hoi thi dua khi nao',
        ],
        cues: [['hoi nghi', 1.8], ['conference', 1.8], ['ton vinh', 0.8], ['dai hoi', 1.4]],
    },
    {
        id: 'date.next',
        examples: [
            'mốc tiếp theo là gì', 'sắp tới có việc gì', 'moc sap toi', 'việc gì sắp đến hạn', 'mốc thời gian gần nhất',
            'các mốc thời gian', 'lich cac moc', 'what is the next milestone', 'what is coming up next', 'upcoming dates',
            'khi nào', 'bao giờ', 'ngày nào', 'timeline',
        ],
        cues: [['tiep theo', 1.2], ['sap toi', 1.3], ['sap den', 1.2], ['moc', 1.2], ['next', 1], ['upcoming', 1.3], ['milestone', 1.3], ['khi nao', 0.7], ['bao gio', 0.7], ['ngay nao', 0.6], ['when', 0.7], ['timeline', 1.2], ['lich', 0.6]],
    },
    {
        id: 'process.nominate',
        examples: [
            'làm sao để được khen', 'tôi muốn đăng ký hồ sơ', 'cách đăng ký điển hình tiên tiến', 'lam sao de dang ky mo hinh',
            'muốn đề nghị khen thưởng cho một tập thể', 'đăng ký thi đua thế nào', 'giới thiệu một gương điển hình',
            'how do i nominate someone', 'how to register an exemplar', 'how can someone get an award', 'muốn được khen thưởng phải làm gì',
            'đề cử người tốt', 'nộp hồ sơ đề nghị ở đâu', 'tôi muốn nộp hồ sơ', 'làm hồ sơ điển hình',
        ],
        cues: [['dang ky', 1.3], ['de cu', 1.2], ['de nghi khen', 1.1], ['nominate', 1.6], ['nomination', 1.2], ['register', 1.3], ['gioi thieu', 0.8], ['duoc khen', 1.1], ['lam sao', 0.7], ['nop ho so', 1.2], ['lam ho so', 1.1]],
    },
    {
        id: 'process.review',
        examples: [
            'hồ sơ được xét như thế nào', 'quy trình xét duyệt hồ sơ', 'ai duyệt hồ sơ điển hình', 'hội đồng xét hồ sơ ra sao',
            'xet duyet ho so bao lau', 'thành viên hội đồng bỏ phiếu thế nào', 'how is a nomination reviewed', 'how does the review work',
            'the council votes how', 'biểu quyết trong hội đồng',
        ],
        cues: [['xet duyet', 1.5], ['duyet', 1.2], ['xet', 0.8], ['bo phieu', 1.3], ['bieu quyet', 1.3], ['quy trinh', 1], ['reviewed', 1.4], ['vote', 1.2], ['votes', 1.2]],
    },
    {
        id: 'process.decide',
        examples: [
            'ai quyết định khen thưởng', 'ai có quyền công nhận điển hình', 'hội đồng thi đua có quyết định không', 'chủ tịch xã quyết định gì',
            'ct ubnd xã có quyền tặng gì', 'ai ký quyết định công nhận', 'who decides', 'who approves the exemplars',
            'does the council decide', 'thẩm quyền khen thưởng của xã',
        ],
        cues: [['co cong nhan', 1], ['quyet dinh', 1.3], ['ai ky', 1.2], ['tham quyen', 1.3], ['co quyen', 1.2], ['decide', 1.5], ['decides', 1.5], ['approves', 1.2], ['chu tich', 0.8], ['authority', 1]],
    },
    {
        id: 'process.higher',
        examples: [
            'cái gì phải trình cấp trên', 'những gì đề nghị lên cấp trên', 'trinh cap tren khen thuong', 'tờ trình đề nghị cấp trên',
            'xã không tặng được thì sao', 'danh hiệu nào phải đề nghị tỉnh', 'what goes to the higher level', 'which awards need the province',
            'bằng khen của tỉnh đề nghị thế nào',
        ],
        cues: [['cap tren', 1.8], ['to trinh', 1.4], ['tinh', 0.6], ['higher level', 1.8], ['province', 1.2], ['de nghi len', 1.2], ['trinh len', 1.4]],
    },
    {
        id: 'process.dossier',
        examples: [
            'hồ sơ gồm những gì', 'ho so can giay to gi', 'cần chuẩn bị những giấy tờ nào', 'hồ sơ đề nghị khen thưởng cần những tài liệu gì',
            'báo cáo thành tích viết thế nào', 'biên bản họp xét', 'what documents are needed', 'what goes in a dossier',
            'thành phần hồ sơ', 'cần ảnh minh chứng không',
        ],
        cues: [['giay to', 1.6], ['gom nhung gi', 1.4], ['thanh phan ho so', 1.8], ['tai lieu', 1.2], ['bao cao thanh tich', 1.5], ['bien ban', 1.2], ['documents', 1.6], ['dossier', 1.4], ['minh chung', 1], ['chuan bi', 0.8]],
    },
    {
        id: 'process.deed',
        examples: [
            'tôi muốn kể một việc tốt', 'báo việc tốt ở đâu', 'gui viec tot', 'hàng xóm tôi giúp người, báo cho ai',
            'việc tốt quanh ta gửi thế nào', 'how do i report a good deed', 'suggest a good deed', 'kể chuyện người tốt việc tốt',
        ],
        cues: [['viec tot', 1.6], ['good deed', 1.8], ['ke', 0.5], ['hang xom', 0.8], ['quanh ta', 1]],
    },
    {
        id: 'process.status',
        examples: [
            'hồ sơ của tôi đến đâu rồi', 'xem hồ sơ đã gửi', 'ho so cua don vi toi', 'tiến độ chỉ tiêu của đơn vị', 'đơn vị đã đạt bao nhiêu',
            'my nominations', 'status of my nomination', 'progress of my unit', 'hồ sơ bị trả lại', 'kết quả xét hồ sơ của tôi',
        ],
        cues: [['den dau', 1.4], ['tien do', 1.4], ['da dat', 1], ['tra lai', 1], ['ket qua', 0.8], ['status', 1.4], ['progress', 1.4], ['da gui', 0.8], ['cua toi', 0.5], ['chua', 0.5]],
    },
    {
        id: 'exemplars',
        examples: [
            'những ai đã được công nhận điển hình', 'danh sách gương điển hình tiên tiến', 'xem các điển hình đã được chọn',
            'guong dien hinh cua xa', 'who are the exemplars', 'list of exemplars', 'các tấm gương tiêu biểu',
        ],
        cues: [['guong', 1], ['tam guong', 1.2], ['da duoc cong nhan', 1.2], ['exemplars', 1.2], ['tieu bieu', 0.6]],
    },
    {
        id: 'title',
        examples: [
            'gia đình văn hóa cần gì', 'danh hiệu gia đình văn hóa', 'ai tặng lao động tiên tiến', 'chiến sĩ thi đua cơ sở do ai xét',
            'giấy khen do ai ký', 'gdvh xét như thế nào', 'ldtt la gi', 'tập thể lao động tiên tiến do ai công nhận', 'thôn văn hóa do ai công nhận',
            'bằng khen của tỉnh', 'các danh hiệu thi đua', 'các hình thức khen thưởng', 'what is the cultured family title',
            'who awards the certificate of merit', 'emulation titles', 'cstdcs cần gì', 'danh hiệu', 'hình thức khen thưởng nào',
        ],
        cues: [['danh hieu', 1.4], ['gia dinh van hoa', 1.8], ['lao dong tien tien', 1.8], ['chien si thi dua', 1.8], ['giay khen', 1.6], ['bang khen', 1.6], ['hinh thuc khen thuong', 1.6], ['title', 1.2], ['certificate', 1.2], ['cultured family', 1.8], ['advanced worker', 1.8], ['emulation fighter', 1.8], ['huan chuong', 1.2]],
    },
    {
        id: 'help',
        examples: [
            'bot làm được gì', 'bạn giúp được gì', 'hướng dẫn sử dụng', 'tôi có thể hỏi gì', 'cach dung bot', 'what can you do', 'help me',
            'có những lệnh nào', 'menu', 'dùng bot thế nào', 'sử dụng thế nào',
        ],
        cues: [['su dung', 1], ['dung the nao', 1.2], ['lam duoc gi', 1.6], ['giup duoc gi', 1.6], ['huong dan', 1.2], ['what can you do', 1.8], ['lenh', 0.8], ['menu', 1.2], ['help', 1]],
    },
    {
        id: 'ack',
        examples: ['ok', 'oke', 'vâng', 'dạ', 'ừ', 'uh', 'được', 'rồi', 'ok bạn', 'hiểu rồi', 'ờ', 'yes', 'okay', 'dạ vâng', 'ok em'],
        cues: [],
    },
    {
        id: 'other',
        examples: [
            'thời tiết hôm nay thế nào', 'mấy giờ rồi', 'giá vàng hôm nay', 'kết quả bóng đá', 'ai là người đẹp nhất', 'kể chuyện cười đi',
            'tôi đói quá', 'số điện thoại công an xã', 'xin giấy chứng nhận quyền sử dụng đất', 'làm căn cước công dân ở đâu',
            'what is the weather today', 'tell me a joke', 'who won the match', 'bạn tên là gì', 'bạn bao nhiêu tuổi', 'trời có mưa không',
            'đăng ký kết hôn cần gì', 'lịch cắt điện', 'học phí trường tiểu học', 'tiền nước tháng này bao nhiêu', 'giá xăng bao nhiêu',
        ],
        cues: [['thoi tiet', 2], ['weather', 2], ['bong da', 2], ['gia vang', 2], ['chuyen cuoi', 2], ['joke', 2], ['can cuoc', 2], ['ket hon', 2], ['cat dien', 2], ['mua', 0.6], ['hoc phi', 2], ['quyen su dung dat', 2], ['tien dien', 2], ['tien nuoc', 2], ['gia xang', 2], ['so do', 1.5]],
    },
];
//# sourceMappingURL=intents.js.map