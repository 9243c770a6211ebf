// Person names of many naming traditions, generated from syllables and common name parts, to
// replace the 1996 Reuters names in copies of the training documents (mention replacement,
// Dai & Adel 2020). The tagger then meets the shapes of names a foreign-policy desk reads:
// romanised Korean and Chinese names with or without hyphens, Arabic and Persian names with
// particles, names with diacritics. General name parts only; no real person is listed.

export interface NamePick {
  /** Words of the full name as written ("Kang", "Sok-ju"). */
  words: string[];
  /** The word a later surname-only mention uses. */
  family: string;
}

const KOREAN_FAMILY = ['Kim', 'Lee', 'Ri', 'Park', 'Pak', 'Choi', 'Choe', 'Jung', 'Jong', 'Kang', 'Cho', 'Yoon', 'Jang', 'Lim', 'Han', 'Oh', 'Seo', 'Shin', 'Kwon', 'Hwang', 'Ahn', 'Song', 'Ryu', 'Hong', 'Jeon', 'Ko', 'Moon', 'Yang', 'Son', 'Bae', 'Baek', 'Heo', 'Nam', 'Noh', 'Ha', 'Kwak', 'Sung', 'Cha', 'Ju', 'Woo', 'Min', 'Ryang', 'Thae', 'Hyon', 'Ro'];
const KOREAN_SYLLABLE = ['jong', 'un', 'yo', 'il', 'sung', 'chol', 'su', 'yong', 'son', 'gwon', 'kwon', 'hui', 'ho', 'nam', 'myung', 'jae', 'in', 'hyun', 'hye', 'min', 'woo', 'young', 'sok', 'ju', 'chun', 'bum', 'han', 'bok', 'thae', 'gil', 'dong', 'ok', 'sun', 'kyung', 'seok', 'tae', 'hoon', 'ji', 'eun', 'yeon', 'ha', 'soo', 'won', 'gyu', 'chang', 'hak', 'ryong', 'song', 'yeol', 'jin'];
const CHINESE_FAMILY = ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Wu', 'Zhou', 'Xu', 'Sun', 'Ma', 'Zhu', 'Hu', 'Guo', 'He', 'Lin', 'Gao', 'Luo', 'Zheng', 'Liang', 'Xie', 'Song', 'Tang', 'Han', 'Feng', 'Deng', 'Cao', 'Peng', 'Xiao', 'Tian', 'Dong', 'Pan', 'Yuan', 'Cai', 'Jiang', 'Yu', 'Du', 'Ye', 'Cheng', 'Wei', 'Su', 'Lu', 'Ding', 'Ren', 'Shen', 'Yao', 'Qin', 'Xi'];
const CHINESE_SYLLABLE = ['jin', 'ping', 'qiang', 'yi', 'wen', 'bao', 'hua', 'ming', 'jian', 'guo', 'zhong', 'hong', 'wei', 'lei', 'yong', 'xiao', 'dong', 'hai', 'feng', 'jun', 'lan', 'mei', 'ying', 'xin', 'yan', 'hui', 'zhi', 'gang', 'kai', 'ning', 'chun', 'rui', 'tao', 'bin', 'qing', 'shan', 'long', 'fang', 'li', 'zhao', 'yuan', 'cheng', 'fu', 'sheng', 'jie', 'quan', 'ke', 'xuan'];
const JAPANESE_FAMILY = ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura', 'Kobayashi', 'Kato', 'Yoshida', 'Yamada', 'Sasaki', 'Matsumoto', 'Inoue', 'Kimura', 'Hayashi', 'Shimizu', 'Mori', 'Ikeda', 'Hashimoto', 'Ishikawa', 'Ogawa', 'Okada', 'Fujita', 'Motegi', 'Hayashida', 'Kishimura', 'Nakatani'];
const JAPANESE_GIVEN = ['Hiroshi', 'Takeshi', 'Kenji', 'Yoshihiko', 'Taro', 'Ichiro', 'Shinjiro', 'Yoko', 'Keiko', 'Akiko', 'Haruki', 'Masahiro', 'Toshimitsu', 'Fumio', 'Yoshimasa', 'Katsunobu', 'Minoru', 'Daisuke', 'Naoki', 'Sanae', 'Kazuo', 'Noriko', 'Tomomi', 'Koichi'];
const ARABIC_GIVEN = ['Mohammed', 'Mohammad', 'Muhammad', 'Ahmed', 'Ahmad', 'Ali', 'Hassan', 'Hussein', 'Hosseini', 'Abdullah', 'Abdul', 'Omar', 'Khalid', 'Faisal', 'Ibrahim', 'Youssef', 'Mahmoud', 'Mustafa', 'Tariq', 'Walid', 'Nasser', 'Saeed', 'Hamad', 'Tamim', 'Sultan', 'Salman', 'Fatima', 'Aisha', 'Layla', 'Rania', 'Qassem', 'Qasem', 'Javad', 'Hamid', 'Reza', 'Mahmoud', 'Hossein', 'Abbas', 'Ebrahim', 'Nasrallah', 'Jawad', 'Bashar', 'Ayman', 'Anwar', 'Zaid', 'Rashid', 'Majid', 'Karim', 'Samir', 'Nabil'];
const ARABIC_FAMILY = ['Haddad', 'Khoury', 'Mansour', 'Saleh', 'Nasser', 'Hamdan', 'Rahman', 'Aziz', 'Jaber', 'Qureshi', 'Khalil', 'Farouk', 'Shami', 'Tamimi', 'Masri', 'Sabah', 'Thani', 'Nahyan', 'Saud', 'Hashemi', 'Bakri', 'Amiri', 'Zarghami', 'Rouhani', 'Larijani', 'Bagheri', 'Salami', 'Araghchi', 'Kanaani', 'Shamkhani', 'Velayati', 'Jalili', 'Asadi', 'Kazemi', 'Mousavi', 'Tehrani', 'Moghadam', 'Hakimi', 'Barzani', 'Talabani', 'Sadr', 'Maliki', 'Abadi', 'Kadhimi', 'Sudani'];
const ARABIC_PARTICLE = ['al-', 'el-', 'bin ', 'ibn ', 'Abu ', 'Abdel '];
const TURKISH_GIVEN = ['Mevlüt', 'Hakan', 'Çağlar', 'Ömer', 'Şükrü', 'Gülnur', 'Ayşe', 'Ümit', 'İbrahim', 'Süleyman', 'Nurettin', 'Doğan', 'Gökhan', 'Özlem', 'Cüneyt', 'Fuat', 'Yıldırım', 'Kemal', 'Binali', 'Numan'];
const TURKISH_FAMILY = ['Çelik', 'Yılmaz', 'Öztürk', 'Şahin', 'Doğan', 'Aydın', 'Özdemir', 'Arslan', 'Koç', 'Kılıç', 'Çakır', 'Erdoğan', 'Güler', 'Kurtulmuş', 'Soylu', 'Akar', 'Kalın', 'Bozdağ', 'Ünal', 'Gürsel', 'Tüfekçi', 'Karaağaç', 'Çavuşlu'];
const SLAVIC_GIVEN = ['Sergei', 'Sergey', 'Dmitry', 'Dmitri', 'Vladimir', 'Volodymyr', 'Oleksandr', 'Mykola', 'Andriy', 'Yuliia', 'Olena', 'Maria', 'Anatoly', 'Nikolai', 'Tomasz', 'Radosław', 'Zbigniew', 'Jarosław', 'Miloš', 'Aleksandar', 'Tomáš', 'Zuzana', 'Ivana', 'Dragan', 'Goran', 'Vuk', 'Petr', 'Jiří'];
const SLAVIC_FAMILY = ['Ivanov', 'Petrov', 'Sokolov', 'Kuznetsov', 'Shevchenko', 'Kovalenko', 'Bondarenko', 'Tkachenko', 'Kravchuk', 'Melnyk', 'Nowak', 'Kowalski', 'Wiśniewski', 'Wójcik', 'Kamiński', 'Dvořák', 'Novák', 'Černý', 'Jovanović', 'Petrović', 'Nikolić', 'Vučić', 'Babiš', 'Sikorski', 'Zakharova', 'Peskova', 'Ryabkov', 'Nebenzya', 'Shoigu'];
const IBERIAN_GIVEN = ['José', 'João', 'María', 'Sebastián', 'Andrés', 'Ramón', 'Inês', 'Luís', 'Martín', 'Joaquín', 'Raúl', 'Sofía', 'Nicolás', 'Gustavo', 'Lula', 'Jair', 'Dilma', 'Cristina', 'Alberto', 'Javier', 'Marcelo', 'Álvaro', 'Beatriz', 'Pedro', 'Gonçalo'];
const IBERIAN_FAMILY = ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Gómez', 'Díaz', 'Álvarez', 'Muñoz', 'Jiménez', 'Gonçalves', 'Araújo', 'Conceição', 'Magalhães', 'Peña', 'Ibáñez', 'Núñez', 'Vieira', 'Petro', 'Boric', 'Milei', 'Ortega', 'Maduro', 'Cabello', 'Padrino'];
const SOUTH_ASIAN_GIVEN = ['Narendra', 'Subrahmanyam', 'Rajnath', 'Amit', 'Nirmala', 'Shehbaz', 'Imran', 'Bilawal', 'Asim', 'Ishaq', 'Sushma', 'Rahul', 'Priyanka', 'Arvind', 'Shah', 'Mahmood', 'Hina', 'Sartaj', 'Ajit', 'Vikram', 'Sheikh', 'Sajeeb'];
const SOUTH_ASIAN_FAMILY = ['Sharma', 'Singh', 'Jaishankar', 'Doval', 'Sitharaman', 'Sharif', 'Khan', 'Bhutto', 'Zardari', 'Munir', 'Dar', 'Swaraj', 'Gandhi', 'Kejriwal', 'Qureshi', 'Aziz', 'Misri', 'Baloch', 'Abbasi', 'Chaudhry', 'Malik', 'Hasina', 'Wickremesinghe'];
const AFRICAN_GIVEN = ['Cyril', 'Naledi', 'Bola', 'Yemi', 'Muhammadu', 'Abiy', 'Uhuru', 'William', 'Kofi', 'Nana', 'Paul', 'Yoweri', 'Félix', 'Macky', 'Amina', 'Ngozi', 'Olusegun', 'Ramtane', 'Moussa', 'Emmerson', 'Hage', 'Samia', 'Kenneth', 'Wanjiku', 'Njeri', 'Achieng', 'Otieno', 'Kamau', 'Mwangi', 'Chidi', 'Chinedu', 'Adaeze', 'Oluwaseun', 'Babajide', 'Kwame', 'Ama', 'Yaw', 'Abebe', 'Tigist', 'Mulugeta', 'Fatuma', 'Halima', 'Thabo', 'Sipho', 'Lindiwe', 'Aminata', 'Mamadou', 'Ousmane', 'Fatou', 'Zainab', 'Ibrahim', 'Hassan', 'Grace', 'Joyce'];
const AFRICAN_FAMILY = ['Ramaphosa', 'Pandor', 'Tinubu', 'Osinbajo', 'Buhari', 'Ahmed', 'Kenyatta', 'Ruto', 'Annan', 'Akufo-Addo', 'Kagame', 'Museveni', 'Tshisekedi', 'Sall', 'Okonjo-Iweala', 'Obasanjo', 'Lamamra', 'Faki', 'Mnangagwa', 'Geingob', 'Hassan', 'Mutharika', 'Odinga', 'Mahamat', 'Otieno', 'Ochieng', 'Wafula', 'Kiprop', 'Chebet', 'Mutua', 'Njoroge', 'Okonkwo', 'Adeyemi', 'Okafor', 'Eze', 'Balogun', 'Mensah', 'Owusu', 'Boateng', 'Tesfaye', 'Bekele', 'Haile', 'Girma', 'Nkosi', 'Dlamini', 'Mokoena', 'Diallo', 'Traoré', 'Keïta', 'Ndiaye', 'Mohamud', 'Warsame', 'Banda', 'Phiri', 'Moyo'];
const VIETNAMESE = { family: ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Phan', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Nguyen', 'Tran', 'Pham'], middle: ['Văn', 'Thị', 'Xuân', 'Phú', 'Minh', 'Van', 'Thi'], given: ['Trọng', 'Phúc', 'Chính', 'Sơn', 'Lâm', 'Hùng', 'Dung', 'Thanh', 'Trong', 'Son', 'Long'] };

/** mulberry32: the same picks on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function generateName(random: () => number): NamePick {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const kind = Math.floor(random() * 9);
  switch (kind) {
    case 0: { // Korean, family first, given name written three ways
      const fam = pick(KOREAN_FAMILY);
      const [a, b] = [pick(KOREAN_SYLLABLE), pick(KOREAN_SYLLABLE)];
      const style = Math.floor(random() * 3);
      const given = style === 0 ? [cap(a), cap(b)] : style === 1 ? [`${cap(a)}-${b}`] : [`${cap(a)}${b}`];
      return { words: [fam, ...given], family: fam };
    }
    case 1: { // Chinese, family first
      const fam = pick(CHINESE_FAMILY);
      const given = random() < 0.5 ? cap(pick(CHINESE_SYLLABLE)) : cap(pick(CHINESE_SYLLABLE)) + pick(CHINESE_SYLLABLE);
      return { words: [fam, given], family: fam };
    }
    case 2: { // Japanese, given name first in English-language news
      const fam = pick(JAPANESE_FAMILY);
      return { words: [pick(JAPANESE_GIVEN), fam], family: fam };
    }
    case 3: { // Arabic and Persian, with particles
      const fam = pick(ARABIC_FAMILY);
      const particle = random() < 0.5 ? pick(ARABIC_PARTICLE) : '';
      const given = random() < 0.4 ? [pick(ARABIC_GIVEN), pick(ARABIC_GIVEN)] : [pick(ARABIC_GIVEN)];
      const last = particle.endsWith('-') ? `${particle}${fam}` : particle ? `${particle}${fam}` : fam;
      return { words: [...given, ...last.split(' ')], family: particle.endsWith('-') ? last : fam };
    }
    case 4: {
      const fam = pick(TURKISH_FAMILY);
      return { words: [pick(TURKISH_GIVEN), fam], family: fam };
    }
    case 5: {
      const fam = pick(SLAVIC_FAMILY);
      return { words: [pick(SLAVIC_GIVEN), fam], family: fam };
    }
    case 6: {
      const fam = pick(IBERIAN_FAMILY);
      const words = random() < 0.3 ? [pick(IBERIAN_GIVEN), fam, pick(IBERIAN_FAMILY)] : [pick(IBERIAN_GIVEN), fam];
      return { words, family: fam };
    }
    case 7: {
      const south = random() < 0.5;
      const fam = pick(south ? SOUTH_ASIAN_FAMILY : AFRICAN_FAMILY);
      const given = pick(south ? SOUTH_ASIAN_GIVEN : AFRICAN_GIVEN);
      // A middle name is common in both traditions ("Amina Njeri Otieno").
      const middle = random() < 0.3 ? [pick(south ? SOUTH_ASIAN_GIVEN : AFRICAN_GIVEN)] : [];
      return { words: [given, ...middle, fam], family: fam };
    }
    default: { // Vietnamese, family first
      const fam = pick(VIETNAMESE.family);
      return { words: [fam, pick(VIETNAMESE.middle), pick(VIETNAMESE.given)], family: fam };
    }
  }
}
